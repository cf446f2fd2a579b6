import type { Range } from '../../core/types.js';
import type { Attr } from '../../model/attr.js';
import type { Model } from '../../model/model.js';
import type { PipelineFile, PipelineJob, PipelineStep } from '../../model/pipeline.js';
import { child } from '../../parsers/tree.js';
import { findExpressions, valuePaths } from '../expressions.js';
import { isCommitSha, matchesRepositoryPattern } from '../refs.js';
import { shellVariableUses } from '../shell.js';
import { items, joinedBlock, rangeInBlock, text } from '../source.js';
import { PRIVILEGED_UNTRUSTED_EVENTS, PULL_REQUEST_EVENTS } from '../taint.js';
import {
  actionOf,
  actionPathOf,
  commandLines,
  githubEvents,
  type PipelineIssue,
  pipelineFiles,
  stepKey,
} from './common.js';

function issue(
  resource: PipelineIssue['resource'],
  range: Range,
  key: string,
  message: string,
): PipelineIssue {
  return { resource, range, key, message };
}

function workflows(model: Model): PipelineFile[] {
  return pipelineFiles(model, 'github').filter((f) => f.format === 'github-workflow');
}

/** Context paths that name the pull request's head (the untrusted code) in a checkout ref. */
const UNTRUSTED_REF =
  /(github\.event\.pull_request\.head\.(sha|ref)|github\.head_ref|github\.event\.workflow_run\.head_(sha|branch)|github\.event\.workflow_run\.head_repository|github\.event\.pull_request\.head\.repo|refs\/pull\/|github\.event\.(number|issue\.number|pull_request\.number)|merge_commit_sha|steps\.[\w-]+\.outputs\.|needs\.[\w-]+\.outputs\.)/;

/** Shell commands that fetch a pull request's head. */
const UNTRUSTED_FETCH =
  /\b(gh\s+pr\s+checkout|git\s+(fetch|pull)\s+\S+\s+["']?(refs\/)?pull\/|git\s+checkout\s+.*\$\{\{\s*github\.(event\.pull_request\.head|head_ref|event\.workflow_run\.head))/;

/** A checkout of the untrusted head: the `ref:`/`repository:` input, or the fetching command line. */
export function untrustedCheckouts(
  job: PipelineJob,
): Array<{ step: PipelineStep; range: Range; what: string }> {
  const found: Array<{ step: PipelineStep; range: Range; what: string }> = [];
  for (const step of job.steps) {
    if (actionOf(step) === 'actions/checkout') {
      for (const input of ['ref', 'repository']) {
        const value = step.inputs.get(input);
        if (value?.value?.includes('${{') && UNTRUSTED_REF.test(value.value))
          found.push({ step, range: value.range, what: value.value });
      }
    }
    if (step.run) {
      const joined = joinedBlock(step.run);
      for (const line of commandLines(joined.text)) {
        if (UNTRUSTED_FETCH.test(line.text))
          found.push({ step, range: rangeInBlock(joined, line.start, line.end), what: line.text.trim() });
      }
    }
  }
  return found;
}

/** A job restricted to pull requests from the repository itself (not forks). */
function sameRepositoryOnly(job: PipelineJob): boolean {
  const condition = job.condition?.value ?? '';
  return /head\.repo\.(full_name|fork)/.test(condition) || /github\.repository\s*==/.test(condition);
}

/** GHA: pull_request_target / workflow_run jobs that check out the untrusted head. */
export function untrustedCheckoutInPrivilegedTrigger(model: Model): PipelineIssue[] {
  const issues: PipelineIssue[] = [];
  for (const workflow of workflows(model)) {
    const events = githubEvents(workflow);
    const trigger = ['pull_request_target', 'workflow_run'].find((e) => events.has(e));
    if (!trigger) continue;
    for (const job of workflow.jobs) {
      if (sameRepositoryOnly(job)) continue;
      for (const checkout of untrustedCheckouts(job)) {
        issues.push(
          issue(
            job,
            checkout.range,
            `${stepKey(job, checkout.step)}:checkout`,
            `Job ${job.id} runs on ${trigger} (with the base repository's secrets and write token) and checks out the untrusted head: ${checkout.what}.`,
          ),
        );
      }
    }
  }
  return issues;
}

/** GHA: artifacts of another (possibly fork) run downloaded into the workspace of a privileged workflow. */
export function untrustedArtifactDownloads(model: Model): PipelineIssue[] {
  const issues: PipelineIssue[] = [];
  for (const workflow of workflows(model)) {
    const events = githubEvents(workflow);
    if (!events.has('workflow_run') && !events.has('pull_request_target')) continue;
    for (const job of workflow.jobs) {
      for (const step of job.steps) {
        const action = actionOf(step);
        let crossRun = false;
        if (action === 'dawidd6/action-download-artifact') crossRun = true;
        if (
          action === 'actions/download-artifact' &&
          (step.inputs.has('run-id') || step.inputs.has('github-token'))
        )
          crossRun = true;
        const script = step.inputScripts.get('script')?.value ?? '';
        if (action === 'actions/github-script' && /downloadArtifact|listWorkflowRunArtifacts/.test(script))
          crossRun = true;
        const runText = step.run?.value ?? '';
        const ghDownload = /\bgh\s+run\s+download\b/.test(runText);
        if (!crossRun && !ghDownload) continue;
        const path = step.inputs.get('path')?.value ?? '';
        if (/runner\.temp|^\/tmp\//.test(path)) continue;
        if (ghDownload && /(-D|--dir)\s+\S*(RUNNER_TEMP|runner\.temp|\/tmp\/)/.test(runText)) continue;
        const range = step.uses?.raw.range ?? step.headerRange;
        issues.push(
          issue(
            job,
            range,
            `${stepKey(job, step)}:artifact`,
            `Job ${job.id} downloads artifacts of another run into the workspace; a fork's run can plant files that this privileged workflow then uses. Download to \${{ runner.temp }} and treat the content as untrusted data.`,
          ),
        );
      }
    }
  }
  return issues;
}

/** Signs that a job checks who wrote the comment before acting on it. */
const AUTHORIZATION_CHECK =
  /author_association|getCollaboratorPermissionLevel|collaborators\/[^/\s]+\/permission|check-user-permission|actor-permission|permission-level|comment\.user\.login\s*==|github\.actor\s*==|team-membership|check-membership/i;

function hasAuthorizationCheck(workflow: PipelineFile, job: PipelineJob): boolean {
  const texts = [job.condition?.value ?? ''];
  const needs = new Set(items(child(job.node, 'needs')).map((n) => text(n)));
  for (const other of workflow.jobs) {
    // A check in a job this one needs also counts.
    if (other !== job && !needs.has(other.id)) continue;
    texts.push(other.condition?.value ?? '');
    for (const step of other.steps) {
      texts.push(step.condition?.value ?? '', step.run?.value ?? '', actionPathOf(step) ?? '');
      for (const [, input] of step.inputs) texts.push(input.value ?? '');
      for (const [, script] of step.inputScripts) texts.push(script.value);
    }
  }
  return texts.some((t) => AUTHORIZATION_CHECK.test(t));
}

/** GHA: issue_comment workflows checking out pull request code without checking the commenter. */
export function commentTriggeredCheckoutWithoutAuthorization(model: Model): PipelineIssue[] {
  const issues: PipelineIssue[] = [];
  for (const workflow of workflows(model)) {
    const events = githubEvents(workflow);
    if (!events.has('issue_comment') && !events.has('pull_request_review_comment')) continue;
    for (const job of workflow.jobs) {
      if (hasAuthorizationCheck(workflow, job)) continue;
      for (const checkout of untrustedCheckouts(job)) {
        issues.push(
          issue(
            job,
            checkout.range,
            `${stepKey(job, checkout.step)}:comment-checkout`,
            `Any commenter can make job ${job.id} check out and run pull request code with the base repository's token: check github.event.comment.author_association (OWNER, MEMBER, COLLABORATOR) first.`,
          ),
        );
      }
    }
  }
  return issues;
}

/** Branch names: a trusted action pinned to one follows every push. */
const BRANCH_REF = /^(main|master|dev|develop|development|trunk|latest|head|nightly|release|stable)$/i;

/** True when the ref is acceptable for this repository under the policy. */
function acceptablePin(repository: string, ref: string | undefined, trusted: readonly string[]): boolean {
  if (isCommitSha(ref)) return true;
  return !!ref && !BRANCH_REF.test(ref) && matchesRepositoryPattern(repository, trusted);
}

/** GHA: actions not pinned to a commit SHA (tags allowed for trusted owners). */
export function unpinnedActions(model: Model): PipelineIssue[] {
  const issues: PipelineIssue[] = [];
  for (const pipeline of pipelineFiles(model, 'github')) {
    for (const job of pipeline.jobs) {
      for (const step of job.steps) {
        const uses = step.uses;
        if (uses?.kind !== 'action' || !uses.repository || uses.raw.value?.includes('${{')) continue;
        if (acceptablePin(uses.repository, uses.ref, model.pipeline.trustedActions)) continue;
        issues.push(
          issue(
            job,
            uses.raw.range,
            `${stepKey(job, step, 'uses')}`,
            `${uses.raw.value} is pinned to ${uses.ref ? `the mutable ref ${uses.ref}` : 'no ref'}; whoever controls ${uses.repository} can change the code this workflow runs. Pin a full commit SHA.`,
          ),
        );
      }
    }
  }
  return issues;
}

/** GHA: reusable workflows called by a mutable ref. */
export function unpinnedReusableWorkflows(model: Model): PipelineIssue[] {
  const issues: PipelineIssue[] = [];
  for (const workflow of workflows(model)) {
    for (const job of workflow.jobs) {
      const uses = job.uses;
      if (uses?.kind !== 'reusable-workflow' || !uses.repository) continue;
      if (acceptablePin(uses.repository, uses.ref, model.pipeline.trustedActions)) continue;
      issues.push(
        issue(
          job,
          uses.raw.range,
          `${job.address}.uses`,
          `Reusable workflow ${uses.raw.value} is called by the mutable ref ${uses.ref ?? '(none)'}; it runs with this workflow's secrets. Pin a full commit SHA.`,
        ),
      );
    }
  }
  return issues;
}

/** GHA: `docker://` actions by tag. */
export function unpinnedDockerActions(model: Model): PipelineIssue[] {
  const issues: PipelineIssue[] = [];
  for (const pipeline of pipelineFiles(model, 'github')) {
    for (const job of pipeline.jobs) {
      for (const step of job.steps) {
        const image = step.uses?.kind === 'docker' ? step.uses.image : undefined;
        if (!image || image.dynamic || image.digest) continue;
        issues.push(
          issue(
            job,
            image.raw.range,
            `${stepKey(job, step, 'uses')}`,
            `Step runs the Docker image ${image.raw.value} by ${image.tag ? `tag ${image.tag}` : 'its latest tag'}; pin it by digest (@sha256:...).`,
          ),
        );
      }
    }
  }
  return issues;
}

/** Actions that exchange the OIDC token for cloud or signing credentials. */
const OIDC_CONSUMERS =
  /^(aws-actions\/configure-aws-credentials|azure\/login|google-github-actions\/auth|hashicorp\/vault-action|sigstore\/|actions\/attest|actions\/deploy-pages|pypa\/gh-action-pypi-publish|slsa-framework\/|docker\/login-action|octo-sts\/|chainguard-dev\/|oracle-actions\/|cloudflare\/|step-security\/|digitalocean\/|jfrog\/setup-jfrog-cli|aws-actions\/|azure\/|google-github-actions\/|hashicorp\/|pulumi\/auth-actions|npm\/|rubygems\/release-gem|crates-io|actions\/create-github-app-token|ossf\/scorecard-action|changesets\/action|js-devtools\/npm-publish|goreleaser\/goreleaser-action|codecov\/codecov-action)/;
const OIDC_COMMANDS =
  /ACTIONS_ID_TOKEN_REQUEST|getIDToken|--provenance|cosign\s+(sign|attest)|gh\s+attestation|npm\s+publish|trusted.publish|id-token|oidc/i;

function consumesOidc(job: PipelineJob): boolean {
  if (job.uses) return true;
  return job.steps.some(
    (step) =>
      OIDC_CONSUMERS.test(actionPathOf(step) ?? '') ||
      OIDC_COMMANDS.test(step.run?.value ?? '') ||
      [...step.inputScripts.values()].some((s) => OIDC_COMMANDS.test(s.value)),
  );
}

/** GHA: `id-token: write` granted where no step uses an OIDC token. */
export function unusedIdTokenWrite(model: Model): PipelineIssue[] {
  const issues: PipelineIssue[] = [];
  for (const workflow of workflows(model)) {
    const top = workflow.permissions?.scopes.get('id-token');
    if (top?.value === 'write') {
      const inheriting = workflow.jobs.filter((j) => !j.permissions);
      if (inheriting.length && !inheriting.some(consumesOidc))
        issues.push(
          issue(
            workflow,
            top.range,
            'permissions.id-token',
            'The workflow grants id-token: write to every job, and none requests an OIDC token: grant it only to the job that exchanges it.',
          ),
        );
    }
    for (const job of workflow.jobs) {
      const scope = job.permissions?.scopes.get('id-token');
      if (scope?.value === 'write' && !consumesOidc(job))
        issues.push(
          issue(
            job,
            scope.range,
            `${job.address}.permissions.id-token`,
            `Job ${job.id} grants id-token: write but no step exchanges an OIDC token; anyone who runs code in it can mint tokens for your cloud trust policies.`,
          ),
        );
    }
  }
  return issues;
}

/** GHA: `write-all` permissions. */
export function writeAllPermissions(model: Model): PipelineIssue[] {
  const issues: PipelineIssue[] = [];
  for (const workflow of workflows(model)) {
    const blocks: Array<[PipelineIssue['resource'], string, Attr<string> | undefined]> = [
      [workflow, 'permissions', workflow.permissions?.shorthand],
      ...workflow.jobs.map(
        (job) =>
          [job, `${job.address}.permissions`, job.permissions?.shorthand] as [
            PipelineJob,
            string,
            Attr<string> | undefined,
          ],
      ),
    ];
    for (const [resource, key, shorthand] of blocks) {
      if (shorthand?.value !== 'write-all') continue;
      issues.push(
        issue(
          resource,
          shorthand.range,
          key,
          'permissions: write-all gives the GITHUB_TOKEN write access to every scope (code, packages, workflows, releases); grant only the scopes the job uses.',
        ),
      );
    }
  }
  return issues;
}

/** GHA: a workflow without a top-level `permissions:` where some job sets none either. */
export function missingPermissions(model: Model): PipelineIssue[] {
  const issues: PipelineIssue[] = [];
  for (const workflow of workflows(model)) {
    if (workflow.permissions) continue;
    const events = githubEvents(workflow);
    if (events.size === 1 && events.has('workflow_call')) continue;
    const unset = workflow.jobs.filter((job) => !job.permissions && !job.uses);
    if (!unset.length) continue;
    issues.push(
      issue(
        workflow,
        workflow.headerRange,
        'permissions',
        `No permissions block: ${unset.length > 1 ? 'jobs' : 'job'} ${unset.map((j) => j.id).join(', ')} ${unset.length > 1 ? 'get' : 'gets'} the repository's default GITHUB_TOKEN scopes, which may be read-write. Set permissions: contents: read at the top and widen per job.`,
      ),
    );
  }
  return issues;
}

/** GHA: `secrets: inherit` passes every secret to the called workflow. */
export function inheritedSecrets(model: Model): PipelineIssue[] {
  const issues: PipelineIssue[] = [];
  for (const workflow of workflows(model)) {
    for (const job of workflow.jobs) {
      if (!job.secretsInherit) continue;
      issues.push(
        issue(
          job,
          job.secretsInherit.range,
          `${job.address}.secrets`,
          `Job ${job.id} passes every secret of the repository and organisation to ${job.uses?.raw.value ?? 'the called workflow'}; pass the secrets it needs by name.`,
        ),
      );
    }
  }
  return issues;
}

/** Paths of upload-artifact that cover the whole workspace (and so `.git/config` with the token). */
function coversWorkspace(path: string): boolean {
  return path
    .split('\n')
    .map((p) => p.trim())
    .filter((p) => p && !p.startsWith('!'))
    .some((p) =>
      /^(\.\/?|\*|\*\*(\/\*)?|\.\/\*\*?|\$\{\{\s*github\.workspace\s*\}\}\/?|\.git(\/.*)?)$/.test(p),
    );
}

function persistsCredentials(step: PipelineStep): boolean {
  return actionOf(step) === 'actions/checkout' && step.inputs.get('persist-credentials')?.value !== 'false';
}

/** GHA: the checkout token left in .git/config and the workspace uploaded as an artifact. */
export function persistedCredentialsUploaded(model: Model): PipelineIssue[] {
  const issues: PipelineIssue[] = [];
  for (const pipeline of pipelineFiles(model, 'github')) {
    for (const job of pipeline.jobs) {
      let persisted = false;
      for (const step of job.steps) {
        if (persistsCredentials(step)) persisted = true;
        if (!persisted || actionOf(step) !== 'actions/upload-artifact') continue;
        const path = step.inputs.get('path');
        if (!path?.value || !coversWorkspace(path.value)) continue;
        if (step.inputs.get('include-hidden-files')?.value === 'false') continue;
        issues.push(
          issue(
            job,
            path.range,
            `${stepKey(job, step, 'with.path')}`,
            `Job ${job.id} uploads the whole workspace while actions/checkout left the token in .git/config (persist-credentials defaults to true); anyone who can download the artifact gets the token. Set persist-credentials: false and upload only build outputs.`,
          ),
        );
      }
    }
  }
  return issues;
}

/** Files written by a command line: `> file`, `>> file`, `tee [-a] file`. */
function writtenFiles(line: string): string[] {
  const files: string[] = [];
  const redirect = /(?:^|[^0-9&<])>>?\s*["']?([^\s"';|&>]+)/g;
  for (let m = redirect.exec(line); m; m = redirect.exec(line)) if (m[1]) files.push(m[1]);
  const tee = /\btee\s+(?:-a\s+)?["']?([^\s"';|&>]+)/g;
  for (let m = tee.exec(line); m; m = tee.exec(line)) if (m[1]) files.push(m[1]);
  return files.filter((f) => !/^\/dev\/|GITHUB_(ENV|PATH|OUTPUT|STEP_SUMMARY)|^\$\{?RUNNER_TEMP/.test(f));
}

/** True when an artifact path list covers a file written relative to the workspace. */
function uploadCovers(paths: string, file: string): boolean {
  const target = file.replace(/^\.\//, '');
  return paths
    .split('\n')
    .map((p) => p.trim().replace(/^\.\//, ''))
    .filter((p) => p && !p.startsWith('!'))
    .some((p) => {
      if (coversWorkspace(p) || p === '' || p === target) return true;
      const prefix = p.replace(/\/?\*.*$/, '').replace(/\/$/, '');
      return prefix !== '' && (target === prefix || target.startsWith(`${prefix}/`));
    });
}

/** Output transformed so that log masking no longer recognises the secret. */
const ENCODED_OUTPUT =
  /\|\s*(base64|base32|xxd|od|hexdump|rev|openssl\s+(base64|enc))\b|\bsed\s+['"]?s\/.\/.\s/;

/** GHA: secrets written to a file that a later step uploads as an artifact, or printed encoded. */
export function secretsWrittenToArtifacts(model: Model): PipelineIssue[] {
  const issues: PipelineIssue[] = [];
  for (const pipeline of pipelineFiles(model, 'github')) {
    for (const job of pipeline.jobs) {
      const secretEnv = new Set(
        [...pipeline.variables, ...job.env]
          .filter((v) => /\$\{\{\s*secrets\./.test(v.value.value ?? ''))
          .map((v) => v.name),
      );
      job.steps.forEach((step, index) => {
        if (!step.run) return;
        const env = new Set(secretEnv);
        for (const v of step.env) if (/\$\{\{\s*secrets\./.test(v.value.value ?? '')) env.add(v.name);
        const joined = joinedBlock(step.run);
        const uploads = job.steps
          .slice(index + 1)
          .filter((s) => actionOf(s) === 'actions/upload-artifact')
          .map((s) => s.inputs.get('path')?.value ?? '');
        for (const line of commandLines(joined.text)) {
          const secretUse =
            findExpressions(line.text).some((e) =>
              e.expr
                ? valuePaths(e.expr).some((p) => p.startsWith('secrets.') && p !== 'secrets.GITHUB_TOKEN')
                : false,
            ) || shellVariableUses(line.text).some((u) => env.has(u.name));
          if (!secretUse) continue;
          const range = rangeInBlock(joined, line.start, line.end);
          if (ENCODED_OUTPUT.test(line.text) && !/>|\btee\b/.test(line.text)) {
            issues.push(
              issue(
                job,
                range,
                `${stepKey(job, step)}:secret-encoded`,
                'A secret is printed in encoded form: log masking only hides the exact value, so the encoded secret is readable by everyone who can see the run.',
              ),
            );
            continue;
          }
          const files = writtenFiles(line.text);
          if (!files.some((file) => uploads.some((paths) => uploadCovers(paths, file)))) continue;
          issues.push(
            issue(
              job,
              range,
              `${stepKey(job, step)}:secret-file`,
              `A secret is written to ${files.join(', ')}, which a later step uploads as an artifact; artifacts are not masked and anyone with read access can download them.`,
            ),
          );
        }
      });
    }
  }
  return issues;
}

/** GHA: ACTIONS_ALLOW_UNSECURE_COMMANDS re-enables set-env / add-path workflow commands. */
export function unsecureCommands(model: Model): PipelineIssue[] {
  const issues: PipelineIssue[] = [];
  for (const pipeline of pipelineFiles(model, 'github')) {
    const scopes: Array<[PipelineIssue['resource'], string, PipelineFile['variables']]> = [
      [pipeline, 'env', pipeline.variables],
      ...pipeline.jobs.flatMap((job) => [
        [job, `${job.address}.env`, job.env] as [PipelineJob, string, PipelineFile['variables']],
        ...job.steps.map(
          (step) =>
            [job, `${stepKey(job, step, 'env')}`, step.env] as [
              PipelineJob,
              string,
              PipelineFile['variables'],
            ],
        ),
      ]),
    ];
    for (const [resource, key, variables] of scopes) {
      for (const variable of variables) {
        if (variable.name !== 'ACTIONS_ALLOW_UNSECURE_COMMANDS') continue;
        if (!/^(true|1|yes)$/i.test(variable.value.value ?? '')) continue;
        issues.push(
          issue(
            resource,
            variable.value.range,
            `${key}.${variable.name}`,
            'ACTIONS_ALLOW_UNSECURE_COMMANDS re-enables the set-env and add-path workflow commands, so any text printed to the log (a commit message, a file name) can set environment variables or PATH.',
          ),
        );
      }
    }
  }
  return issues;
}

/** GHA: self-hosted runners reachable from fork pull requests. */
export function selfHostedOnPullRequests(model: Model): PipelineIssue[] {
  const issues: PipelineIssue[] = [];
  for (const workflow of workflows(model)) {
    const events = githubEvents(workflow);
    const trigger = [...PULL_REQUEST_EVENTS].find((e) => events.has(e));
    if (!trigger) continue;
    for (const job of workflow.jobs) {
      if (sameRepositoryOnly(job)) continue;
      const label = job.runsOn.find((l) => l.value?.toLowerCase() === 'self-hosted');
      if (!label) continue;
      issues.push(
        issue(
          job,
          label.range,
          `${job.address}.runs-on`,
          `Job ${job.id} runs on a self-hosted runner for ${trigger}; in a public repository any fork can run code on that machine and persist on it. Use GitHub-hosted or ephemeral runners for pull requests.`,
        ),
      );
    }
  }
  return issues;
}

/** Signs that a workflow releases or publishes. */
const PUBLISHING =
  /\b(npm|yarn|pnpm)\s+publish\b|\bdocker\s+push\b|\btwine\s+upload\b|\bgh\s+release\b|\bcargo\s+publish\b|\bgoreleaser\b|\bmvn\s+deploy\b|\bgradle\w*\s+publish/;
const PUBLISHING_ACTIONS =
  /^(pypa\/gh-action-pypi-publish|softprops\/action-gh-release|docker\/build-push-action|goreleaser\/goreleaser-action|actions\/create-release|ncipollo\/release-action|changesets\/action)/;

function isReleaseWorkflow(workflow: PipelineFile): boolean {
  if (/release|publish|deploy/i.test(workflow.name ?? '') || /release|publish/i.test(workflow.file))
    return true;
  if (
    workflow.triggers.some(
      (t) => t.event === 'release' || (t.event === 'push' && JSON.stringify(t.node ?? '').includes('"tags"')),
    )
  )
    return true;
  return workflow.jobs.some((job) =>
    job.steps.some(
      (s) => PUBLISHING.test(s.run?.value ?? '') || PUBLISHING_ACTIONS.test(actionPathOf(s) ?? ''),
    ),
  );
}

function writesCache(step: PipelineStep): boolean {
  const action = actionPathOf(step) ?? '';
  if (action === 'actions/cache' || action === 'actions/cache/save') return true;
  if (!/\/setup-[\w-]+$/.test(actionOf(step) ?? '')) return false;
  const cache = step.inputs.get('cache')?.value;
  const enable = step.inputs.get('enable-cache')?.value;
  return (!!cache && cache !== 'false' && cache !== '') || enable === 'true';
}

/** GHA: caches written by a release workflow that untrusted events also start. */
export function poisonableReleaseCaches(model: Model): PipelineIssue[] {
  const issues: PipelineIssue[] = [];
  for (const workflow of workflows(model)) {
    const events = githubEvents(workflow);
    const untrusted = [...PRIVILEGED_UNTRUSTED_EVENTS].filter((e) => events.has(e));
    if (!untrusted.length || !isReleaseWorkflow(workflow)) continue;
    for (const job of workflow.jobs) {
      for (const step of job.steps) {
        if (!writesCache(step)) continue;
        issues.push(
          issue(
            job,
            step.uses?.raw.range ?? step.headerRange,
            `${stepKey(job, step, 'uses')}:cache`,
            `This release workflow also runs on ${untrusted.join(', ')}, where outsiders influence what is built; a cache saved there is restored by the release build (cache poisoning). Do not cache in release workflows, or split the untrusted trigger out.`,
          ),
        );
      }
    }
  }
  return issues;
}

/** Actions that only read with the token (or do not use it): they need no write scope. */
const READ_ONLY_ACTIONS =
  /^actions\/(checkout|setup-[\w-]+|cache(\/(save|restore))?|upload-artifact|download-artifact|dependency-review-action)$/;
/** Signs that a script or input uses the job token. */
const TOKEN_USE =
  /github\.token|GITHUB_TOKEN|GH_TOKEN|\bgh\s|\bgit\s+push\b|ACTIONS_RUNTIME_TOKEN|octokit|api\.github\.com/i;

/** True when a step of the job may use the GITHUB_TOKEN for something it was granted. */
function usesToken(job: PipelineJob): boolean {
  if (job.uses) return true;
  return job.steps.some((step) => {
    if (step.uses && (step.uses.kind !== 'action' || !READ_ONLY_ACTIONS.test(actionPathOf(step) ?? '')))
      return true;
    const texts = [step.run?.value ?? '', ...step.env.map((v) => v.value.value ?? '')];
    for (const [, input] of step.inputs) texts.push(input.value ?? '');
    return texts.some((t) => TOKEN_USE.test(t));
  });
}

/** GHA: write scopes granted to jobs whose steps never use the token. */
export function unusedWriteScopes(model: Model): PipelineIssue[] {
  const issues = new Map<string, PipelineIssue>();
  for (const workflow of workflows(model)) {
    for (const job of workflow.jobs) {
      const permissions = job.permissions ?? workflow.permissions;
      if (!permissions || usesToken(job)) continue;
      for (const [scope, level] of permissions.scopes) {
        if (level.value !== 'write' || scope === 'id-token') continue;
        const owner = job.permissions ? job : workflow;
        const key = `${owner.address}.permissions.${scope}`;
        if (issues.has(key)) continue;
        issues.set(key, {
          resource: owner,
          range: level.range,
          key,
          message: `${scope}: write is granted to job ${job.id}, which never uses the GITHUB_TOKEN beyond reading the repository; a compromised step could use it to write. Grant ${scope}: read (or nothing).`,
        });
      }
    }
  }
  return [...issues.values()];
}

import type { Model } from '../../model/model.js';
import type { PipelineFile, PipelineJob, PipelineVariable } from '../../model/pipeline.js';
import { isCommitSha } from '../refs.js';
import { lexShell, shellVariableUses } from '../shell.js';
import { joinedBlock, rangeInBlock } from '../source.js';
import { isTaintedGitlabVariable } from '../taint.js';
import { commandLines, lineAt, type PipelineIssue, pipelineFiles, stepKey, stepScripts } from './common.js';

/** What GitLab scripts do with outsider-controlled variables. */
export interface GitlabInjections {
  /** Re-parsed by `eval` / `sh -c`. */
  reparsed: PipelineIssue[];
  /** Expanded unquoted (word splitting, globbing, option injection). */
  unquoted: PipelineIssue[];
  /** Written to a dotenv report, which sets variables in later jobs. */
  dotenv: PipelineIssue[];
}

const cache = new WeakMap<Model, GitlabInjections>();

/** Variables (file and job level) set from a tainted predefined variable: name to source. */
function taintedVariables(
  variables: PipelineVariable[],
  inherited: Map<string, string>,
): Map<string, string> {
  const result = new Map(inherited);
  for (const variable of variables) {
    result.delete(variable.name);
    const source = shellVariableUses(variable.value.value ?? '').find(
      (use) => isTaintedGitlabVariable(use.name) || inherited.has(use.name),
    );
    if (source) result.set(variable.name, inherited.get(source.name) ?? source.name);
  }
  return result;
}

/** Injection findings of the GitLab files of a model. */
export function gitlabInjections(model: Model): GitlabInjections {
  const cached = cache.get(model);
  if (cached) return cached;
  const result: GitlabInjections = { reparsed: [], unquoted: [], dotenv: [] };
  for (const script of stepScripts(pipelineFiles(model, 'gitlab'))) {
    const { pipeline, job, step, block, source } = script;
    const tainted = taintedVariables(job.env, taintedVariables(pipeline.variables, new Map()));
    const dotenvFiles = job.dotenvReports.map((r) => (r.value ?? '').replace(/^\.\//, ''));
    const joined = joinedBlock(block);
    const shell = lexShell(joined.text);
    const lines = commandLines(joined.text);
    for (const use of shellVariableUses(joined.text)) {
      const origin = isTaintedGitlabVariable(use.name) ? use.name : tainted.get(use.name);
      if (!origin) continue;
      const context = shell.contextAt(use.start);
      if (context === 'comment' || context === 'single' || context === 'heredoc-literal') continue;
      const from = joined.position(use.start);
      const to = joined.position(use.end);
      const issue: PipelineIssue = {
        resource: job,
        range: { startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column },
        key: `${stepKey(job, step, source)}:${use.name}`,
        message: '',
      };
      const line = lineAt(lines, use.start)?.text ?? '';
      const writesDotenv = dotenvFiles.some(
        (file) => file && new RegExp(`>>?\\s*["']?(\\./)?${escapeRegExp(file)}\\b`).test(line),
      );
      if (writesDotenv) {
        issue.message = `$${use.name} (from ${origin}) is written to the dotenv report ${dotenvFiles.join(', ')}: a newline in it defines any variable for the jobs that need this one.`;
        result.dotenv.push(issue);
      } else if (shell.reparsedAt(use.start)) {
        issue.message = `$${use.name} (from ${origin}, written by whoever opens the merge request or pushes the branch) is re-parsed as shell code by eval or sh -c: command injection.`;
        result.reparsed.push(issue);
      } else if (context === 'unquoted' && !shell.unsplitAt(use.start)) {
        issue.message = `$${use.name} (from ${origin}) is expanded unquoted: word splitting and globbing let its author add arguments or options. Quote it: "$${use.name}".`;
        result.unquoted.push(issue);
      }
    }
  }
  cache.set(model, result);
  return result;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** GitLab includes of other projects, remote URLs or components that can change under the same reference. */
export function unpinnedIncludes(model: Model): PipelineIssue[] {
  const issues: PipelineIssue[] = [];
  for (const pipeline of pipelineFiles(model, 'gitlab')) {
    for (const include of pipeline.includes) {
      const target = include.target.value ?? '';
      // Components are addressed through $CI_SERVER_FQDN; only their version needs to be static.
      const judged = include.kind === 'gitlab-component' ? (include.ref?.value ?? '') : target;
      if (judged.includes('$')) continue;
      let problem: string | undefined;
      if (include.kind === 'gitlab-project' && !isCommitSha(include.ref?.value))
        problem = include.ref
          ? `project ${target} is included at the mutable ref ${include.ref.value}`
          : `project ${target} is included from its default branch`;
      if (include.kind === 'gitlab-remote' && !include.ref && !/[0-9a-f]{40}/i.test(target))
        problem = `the remote file ${target} can change at any time (no commit in the URL, no integrity hash)`;
      if (include.kind === 'gitlab-component' && !isCommitSha(include.ref?.value))
        problem = `component ${target} is included by the mutable version ${include.ref?.value ?? '(none)'}`;
      if (!problem) continue;
      const ref = include.kind === 'gitlab-project' && include.ref ? include.ref : include.target;
      issues.push({
        resource: pipeline,
        range: ref.range,
        key: `include:${target}`,
        message: `${problem}; whoever can push there changes the jobs of this pipeline. Pin a full commit SHA${include.kind === 'gitlab-remote' ? ' or add integrity: sha256-...' : ''}.`,
      });
    }
  }
  return issues;
}

function isDind(image: string): boolean {
  return /(^|\/)docker:[^@]*dind/.test(image) || /(^|\/)docker:dind/.test(image);
}

/** GitLab docker:dind services (they need a privileged runner). */
export function dindServices(model: Model): PipelineIssue[] {
  const issues: PipelineIssue[] = [];
  for (const pipeline of pipelineFiles(model, 'gitlab')) {
    for (const job of pipeline.jobs) {
      for (const service of job.services) {
        if (!isDind(service.image.raw.value ?? '') || (service.image.raw.value ?? '').includes('rootless'))
          continue;
        issues.push({
          resource: job,
          range: service.image.raw.range,
          key: service.image.raw.path,
          message: `Job ${job.id} starts ${service.image.raw.value}, which only runs on a privileged runner: any job on that runner controls the host. Build images with a daemonless builder (BuildKit rootless, kaniko, buildah) instead.`,
        });
      }
    }
  }
  return issues;
}

/** Variables of the file and of every job, with their owner. */
function allVariables(
  pipeline: PipelineFile,
): Array<{ owner: PipelineFile | PipelineJob; variable: PipelineVariable }> {
  return [
    ...pipeline.variables.map((variable) => ({ owner: pipeline as PipelineFile | PipelineJob, variable })),
    ...pipeline.jobs.flatMap((job) => [
      ...job.env.map((variable) => ({ owner: job as PipelineFile | PipelineJob, variable })),
      ...job.services.flatMap((s) =>
        s.variables.map((variable) => ({ owner: job as PipelineFile | PipelineJob, variable })),
      ),
    ]),
  ];
}

/** GitLab Docker daemons reached without TLS (DOCKER_TLS_CERTDIR "" or tcp://...:2375). */
export function dockerWithoutTls(model: Model): PipelineIssue[] {
  const issues: PipelineIssue[] = [];
  for (const pipeline of pipelineFiles(model, 'gitlab')) {
    for (const { owner, variable } of allVariables(pipeline)) {
      const value = variable.value.value;
      const off =
        (variable.name === 'DOCKER_TLS_CERTDIR' && value === '' && variable.value.origin === 'explicit') ||
        (variable.name === 'DOCKER_HOST' && /^tcp:\/\/[^/]+:2375\b/.test(value ?? ''));
      if (!off) continue;
      issues.push({
        resource: owner,
        range: variable.value.range,
        key: variable.value.path,
        message: `${variable.name}=${JSON.stringify(value)} turns off TLS between the job and the Docker daemon: anything on the network of the runner can drive the privileged daemon.`,
      });
    }
  }
  return issues;
}

/** GitLab CI_JOB_TOKEN written to files that leave the job, or printed. */
export function jobTokenExposure(model: Model): PipelineIssue[] {
  const issues: PipelineIssue[] = [];
  for (const script of stepScripts(pipelineFiles(model, 'gitlab'))) {
    const { job, step, block } = script;
    const joined = joinedBlock(block);
    const kept = [...job.artifactPaths, ...job.dotenvReports].map((p) =>
      (p.value ?? '').replace(/^\.\//, ''),
    );
    const shell = lexShell(joined.text);
    const commands = commandLines(joined.text);
    for (const line of commands) {
      if (!/\$\{?CI_JOB_TOKEN\b/.test(line.text)) continue;
      const context = shell.contextAt(line.start + line.text.search(/\$\{?CI_JOB_TOKEN/));
      if (context === 'comment' || context === 'single' || context === 'heredoc-literal') continue;
      // In a here-document, the file written is the one of the command that opened it.
      const opener = [...commands].reverse().find((l) => l.end < line.start && l.text.includes('<<'));
      const command = context === 'heredoc' ? (opener?.text ?? '') : line.text;
      const written = /(?:>>?|\btee\s+(?:-a\s+)?)\s*["']?([^\s"';|&<]+)/
        .exec(command)?.[1]
        ?.replace(/^\.\//, '');
      const leaves =
        written !== undefined &&
        kept.some(
          (path) =>
            path === written ||
            path === '.' ||
            written.startsWith(`${path.replace(/\/?\*.*$/, '').replace(/\/$/, '')}/`),
        );
      const printed =
        !written &&
        /^\s*(echo|printf|cat)\b/.test(line.text) &&
        !/\|\s*(docker|helm|podman|buildah|skopeo|crane|oras)\b/.test(line.text);
      const encoded = /\|\s*(base64|xxd|od|rev|hexdump)\b/.test(line.text);
      if (!leaves && !printed && !encoded) continue;
      issues.push({
        resource: job,
        range: rangeInBlock(joined, line.start, line.end),
        key: `${stepKey(job, step)}:CI_JOB_TOKEN`,
        message: leaves
          ? `CI_JOB_TOKEN is written to ${written}, which this job keeps as an artifact: anyone who downloads it gets a token with the project's API access while the pipeline runs.`
          : 'CI_JOB_TOKEN is printed to the job log (encoded output escapes masking): keep it inside the job and pass it only to the tool that needs it.',
      });
    }
  }
  return issues;
}

/** True when a job runs for merge request pipelines. */
function runsOnMergeRequests(job: PipelineJob, pipeline: PipelineFile): boolean {
  const conditions = [...job.rules.map((r) => r.value ?? '')];
  if (!job.rules.length) for (const t of pipeline.triggers) conditions.push(JSON.stringify(t.node ?? ''));
  return conditions.some((c) => /merge_request_event|^merge_requests$/.test(c));
}

/** Conditions that keep a job to merge requests from the project itself. */
const SAME_PROJECT =
  /CI_MERGE_REQUEST_SOURCE_PROJECT_(ID|PATH)\s*==\s*\$CI_PROJECT_(ID|PATH)|CI_MERGE_REQUEST_EVENT_TYPE\s*==\s*["']?merged_result|CI_COMMIT_REF_PROTECTED\s*==\s*["']?true/;
const SECRET_NAME = /(TOKEN|SECRET|PASSWORD|PASSWD|API_KEY|PRIVATE_KEY|CREDENTIALS?|ACCESS_KEY)/;

/** GitLab jobs that hand secrets to merge request pipelines (which fork authors can start). */
export function secretsInMergeRequestJobs(model: Model): PipelineIssue[] {
  const issues: PipelineIssue[] = [];
  for (const pipeline of pipelineFiles(model, 'gitlab')) {
    const defined = new Set(pipeline.variables.map((v) => v.name));
    for (const job of pipeline.jobs) {
      if (job.id.startsWith('.') || !runsOnMergeRequests(job, pipeline)) continue;
      if (job.rules.some((r) => SAME_PROJECT.test(r.value ?? ''))) continue;
      const local = new Set([...defined, ...job.env.map((v) => v.name)]);
      const scripts = job.steps.map((s) => s.run?.value ?? '').join('\n');
      const secretVariables = shellVariableUses(scripts)
        .map((u) => u.name)
        .filter((name) => !name.startsWith('CI_') && !local.has(name) && SECRET_NAME.test(name));
      const sources = job.secretSources;
      if (!sources.length && !secretVariables.length) continue;
      const named = sources.length
        ? 'secrets from the secrets: keyword'
        : `$${[...new Set(secretVariables)].join(', $')}`;
      issues.push({
        resource: job,
        range: job.headerRange,
        key: `${job.address}:mr-secrets`,
        message: `Job ${job.id} runs for merge request pipelines and uses ${named}; when merge requests from forks run in this project, their authors' code sees them. Restrict the job to protected branches or to merge requests from this project.`,
      });
    }
  }
  return issues;
}

/** GitLab CI_DEBUG_TRACE / CI_DEBUG_SERVICES: every variable, secrets included, printed to the log. */
export function debugTrace(model: Model): PipelineIssue[] {
  const issues: PipelineIssue[] = [];
  for (const pipeline of pipelineFiles(model, 'gitlab')) {
    for (const { owner, variable } of allVariables(pipeline)) {
      if (variable.name !== 'CI_DEBUG_TRACE' && variable.name !== 'CI_DEBUG_SERVICES') continue;
      if (!/^(true|1)$/i.test(variable.value.value ?? '')) continue;
      issues.push({
        resource: owner,
        range: variable.value.range,
        key: variable.value.path,
        message: `${variable.name} prints every command with every variable expanded, masked secrets included, to the job log.`,
      });
    }
  }
  return issues;
}

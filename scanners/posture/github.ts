/**
 * Repository posture for GitHub: collect a repository's security settings through the REST API into a
 * snapshot (snapshot.ts), and scan the snapshot with the posture rules.
 *
 * API (for the CLI, the Probot App and anything else):
 *
 *   const snapshot = await collectGitHubRepositorySettings(octokit, 'owner', 'repo');
 *   const result = await scanRepositorySettings(snapshot);   // a ScanResult with `posture` findings
 *
 * - `octokit` is any Octokit with the REST endpoint methods: `github.getOctokit(token)` from
 *   `@actions/github`, or a Probot `context.octokit` (an installation token).
 * - `scanRepositorySettings(snapshot, { config, rules, failOn })` writes the snapshot to a temporary
 *   `<owner>/<repo>.palisade-posture.json`, runs `scan()` on it and removes it; findings point at lines of
 *   that file. `repositoryUploadMetadata(snapshot, runId)` gives what `uploadScan()` needs.
 * - A setting the token may not read is recorded as unknown: no finding, and a scan note
 *   (`permission-missing`) naming the permission. Only a failure to read the repository itself, a bad
 *   token, a rate limit or a server error throws.
 *
 * Permissions: `Metadata: read` reads the repository, its default branch and its rulesets; everything
 * else (branch protection, security_and_analysis, Dependabot alerts, Actions permissions, runners) needs
 * `Administration: read` for a GitHub App, or admin access for a user token (classic: `repo` scope).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { getOctokit } from '@actions/github';
import type { PalisadeConfig } from '../config/config.js';
import type { ScanResult, Severity } from '../core/types.js';
import { scan } from '../engine/scan.js';
import type { Rule } from '../rules/types.js';
import {
  type ActionsSettingsSnapshot,
  type BranchProtectionSnapshot,
  isUnknownSetting,
  type Known,
  type RepositorySettingsSnapshot,
  type RulesetSnapshot,
  SNAPSHOT_KIND,
  SNAPSHOT_SCHEMA_VERSION,
  type UnknownSetting,
} from './snapshot.js';

type Rest = ReturnType<typeof getOctokit>['rest'];

/** The endpoint methods the collector calls; a Probot or @actions/github Octokit has them all. */
export interface GitHubSettingsClient {
  rest: {
    repos: Pick<
      Rest['repos'],
      'get' | 'getBranch' | 'getBranchProtection' | 'getBranchRules' | 'checkVulnerabilityAlerts'
    >;
    actions: Pick<
      Rest['actions'],
      'getGithubActionsDefaultWorkflowPermissionsRepository' | 'listSelfHostedRunnersForRepo'
    >;
  };
}

export const ADMINISTRATION_READ =
  'Administration: read (GitHub App or fine-grained token), or admin access to the repository';
const METADATA_READ = 'Metadata: read, or read access to the repository';

/** Pages of branch rules read at most (100 rules each). */
const MAX_RULE_PAGES = 10;

/** GitHub's own limits on owner and repository names; anything else is refused before it reaches a URL or a path. */
const OWNER_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPOSITORY_NAME = /^[A-Za-z0-9._-]{1,100}$/;

/** Throws unless `owner/repo` are names GitHub could have given. */
export function checkRepositoryName(owner: string, repo: string): void {
  if (!OWNER_NAME.test(owner) || !REPOSITORY_NAME.test(repo) || repo === '.' || repo === '..')
    throw new Error(`not a GitHub repository name: ${JSON.stringify(`${owner}/${repo}`.slice(0, 200))}`);
}

/** Reads the repository's settings. Throws when the repository itself cannot be read. */
export async function collectGitHubRepositorySettings(
  octokit: GitHubSettingsClient,
  owner: string,
  repo: string,
  now: () => Date = () => new Date(),
): Promise<RepositorySettingsSnapshot> {
  checkRepositoryName(owner, repo);
  const { repos, actions } = octokit.rest;
  let repository: Awaited<ReturnType<Rest['repos']['get']>>['data'];
  try {
    repository = (await repos.get({ owner, repo })).data;
  } catch (error) {
    if (isAccessDenied(error))
      throw new Error(
        `cannot read ${owner}/${repo}: GitHub answered ${statusOf(error)}; check the name and that the token can read the repository`,
      );
    throw error;
  }
  const branch = repository.default_branch;
  const securityAndAnalysis = repository.security_and_analysis ?? undefined;
  // GitHub shows security_and_analysis only to administrators: its presence proves admin read access.
  const adminRead = repository.permissions?.admin === true || securityAndAnalysis !== undefined;

  const branchInfo = await readOrUnknown(
    async () => (await repos.getBranch({ owner, repo, branch })).data,
    METADATA_READ,
  );
  const headCommit = isUnknownSetting(branchInfo) ? undefined : branchInfo.commit.sha;

  const branchProtection = await readOrUnknown(async (): Promise<BranchProtectionSnapshot | null> => {
    // A branch GitHub calls unprotected has no protection rule; no need to ask (and need admin) for it.
    if (!isUnknownSetting(branchInfo) && branchInfo.protected === false) return null;
    try {
      return toBranchProtection((await repos.getBranchProtection({ owner, repo, branch })).data);
    } catch (error) {
      if (statusOf(error) === 404 && /branch not protected/i.test(messageOf(error))) return null;
      throw error;
    }
  }, ADMINISTRATION_READ);

  const rulesets = await readOrUnknown(async () => {
    const rules: Awaited<ReturnType<Rest['repos']['getBranchRules']>>['data'] = [];
    for (let page = 1; page <= MAX_RULE_PAGES; page++) {
      const { data } = await repos.getBranchRules({ owner, repo, branch, per_page: 100, page });
      rules.push(...data);
      if (data.length < 100) break;
    }
    return toRulesets(rules);
  }, METADATA_READ);

  const status = (feature: { status?: string } | null | undefined): Known<boolean> =>
    feature?.status === 'enabled' || feature?.status === 'disabled'
      ? feature.status === 'enabled'
      : unknownSetting(ADMINISTRATION_READ);

  const dependabotAlerts = await readOrUnknown(async () => {
    try {
      await repos.checkVulnerabilityAlerts({ owner, repo });
      return true;
    } catch (error) {
      // 404 means "disabled", and also "you may not know": only an administrator's 404 is an answer.
      if (statusOf(error) === 404) {
        if (adminRead) return false;
        return unknownSetting(ADMINISTRATION_READ, 404);
      }
      throw error;
    }
  }, ADMINISTRATION_READ);

  const actionsSettings = await readOrUnknown(async (): Promise<ActionsSettingsSnapshot> => {
    const { data } = await actions.getGithubActionsDefaultWorkflowPermissionsRepository({ owner, repo });
    return {
      defaultWorkflowPermissions: data.default_workflow_permissions,
      canApprovePullRequestReviews: data.can_approve_pull_request_reviews,
    };
  }, ADMINISTRATION_READ);

  const selfHostedRunners = await readOrUnknown(
    async () => (await actions.listSelfHostedRunnersForRepo({ owner, repo, per_page: 1 })).data.total_count,
    ADMINISTRATION_READ,
  );

  return {
    kind: SNAPSHOT_KIND,
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    collectedAt: now().toISOString(),
    repository: {
      owner: repository.owner.login,
      name: repository.name,
      visibility: repository.visibility ?? (repository.private ? 'private' : 'public'),
      archived: repository.archived,
      defaultBranch: branch,
      headCommit,
      htmlUrl: repository.html_url,
    },
    branchProtection,
    rulesets,
    secretScanning: securityAndAnalysis
      ? status(securityAndAnalysis.secret_scanning)
      : unknownSetting(ADMINISTRATION_READ),
    secretScanningPushProtection: securityAndAnalysis
      ? status(securityAndAnalysis.secret_scanning_push_protection)
      : unknownSetting(ADMINISTRATION_READ),
    dependabotAlerts,
    actions: actionsSettings,
    selfHostedRunners,
  };
}

export interface ScanSettingsOptions {
  /** A loaded config (the repository's `.palisade.yml` or the App's `.github/palisade.yml`); default settings otherwise. */
  config?: PalisadeConfig;
  /** Run exactly these rules (default: the rules the config selects). */
  rules?: Rule[];
  failOn?: Severity | 'none';
}

/** The snapshot's file name in scans: `<owner>/<repo>.palisade-posture.json`. */
export function snapshotFileName(snapshot: RepositorySettingsSnapshot): string {
  const { owner, name } = snapshot.repository;
  checkRepositoryName(owner, name);
  return `${owner}/${name}.palisade-posture.json`;
}

/** The snapshot as the JSON text the engine reads (kind first, so the format is recognised). */
export function snapshotText(snapshot: RepositorySettingsSnapshot): string {
  return `${JSON.stringify(snapshot, null, 2)}\n`;
}

/** Scans an in-memory snapshot through the engine and returns the result (posture findings and notes). */
export async function scanRepositorySettings(
  snapshot: RepositorySettingsSnapshot,
  options: ScanSettingsOptions = {},
): Promise<ScanResult> {
  const file = snapshotFileName(snapshot);
  const root = mkdtempSync(path.join(os.tmpdir(), 'palisade-posture-'));
  try {
    mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
    writeFileSync(path.join(root, file), snapshotText(snapshot));
    return await scan({
      root,
      files: [file],
      config: options.config,
      rules: options.rules,
      failOn: options.failOn,
      baseline: false,
      jobs: 1,
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * Upload metadata for a posture scan: the repository, its default branch and that branch's head commit.
 * `runId` tells runs apart (the server treats a repeated run id as a retry). It covers the `posture`
 * category only, so the server closes no code finding of the branch because a settings check lacks it.
 */
export function repositoryUploadMetadata(snapshot: RepositorySettingsSnapshot, runId: string) {
  const { owner, name, defaultBranch, headCommit, htmlUrl } = snapshot.repository;
  if (!headCommit)
    throw new Error(`cannot upload the posture of ${owner}/${name}: its default branch head is unknown`);
  return {
    provider: 'github',
    organization: owner,
    repository: name,
    branch: defaultBranch,
    commit: headCommit,
    kind: 'full' as const,
    categories: ['posture' as const],
    runId,
    runUrl: htmlUrl ? `${htmlUrl}/settings` : undefined,
  };
}

function toBranchProtection(
  data: Awaited<ReturnType<Rest['repos']['getBranchProtection']>>['data'],
): BranchProtectionSnapshot {
  const reviews = data.required_pull_request_reviews;
  const checks = data.required_status_checks;
  return {
    requiredApprovingReviewCount: reviews ? (reviews.required_approving_review_count ?? 0) : null,
    dismissStaleReviews: reviews?.dismiss_stale_reviews ?? false,
    requireCodeOwnerReviews: reviews?.require_code_owner_reviews ?? false,
    allowForcePushes: data.allow_force_pushes?.enabled ?? false,
    allowDeletions: data.allow_deletions?.enabled ?? false,
    enforceAdmins: data.enforce_admins?.enabled ?? false,
    requiredStatusChecks: checks
      ? [...new Set([...(checks.contexts ?? []), ...(checks.checks ?? []).map((check) => check.context)])]
      : [],
  };
}

/** Groups the active rules of the default branch by the ruleset they come from. */
function toRulesets(rules: Awaited<ReturnType<Rest['repos']['getBranchRules']>>['data']): RulesetSnapshot[] {
  const byId = new Map<number, RulesetSnapshot>();
  for (const rule of rules) {
    const id = rule.ruleset_id ?? 0;
    let ruleset = byId.get(id);
    if (!ruleset) {
      ruleset = {
        id,
        sourceType: rule.ruleset_source_type ?? 'Repository',
        source: rule.ruleset_source ?? '',
        blocksForcePushes: false,
        blocksDeletions: false,
        requiredStatusChecks: [],
      };
      byId.set(id, ruleset);
    }
    switch (rule.type) {
      case 'pull_request': {
        const parameters = rule.parameters;
        const count = parameters?.required_approving_review_count ?? 0;
        // Two pull request rules on one branch: the strictest of each setting applies.
        ruleset.pullRequest = {
          requiredApprovingReviewCount: Math.max(
            ruleset.pullRequest?.requiredApprovingReviewCount ?? 0,
            count,
          ),
          dismissStaleReviewsOnPush:
            (ruleset.pullRequest?.dismissStaleReviewsOnPush ?? false) ||
            (parameters?.dismiss_stale_reviews_on_push ?? false),
          requireCodeOwnerReview:
            (ruleset.pullRequest?.requireCodeOwnerReview ?? false) ||
            (parameters?.require_code_owner_review ?? false),
        };
        break;
      }
      case 'non_fast_forward':
        ruleset.blocksForcePushes = true;
        break;
      case 'deletion':
        ruleset.blocksDeletions = true;
        break;
      case 'required_status_checks':
        ruleset.requiredStatusChecks = [
          ...new Set([
            ...ruleset.requiredStatusChecks,
            ...(rule.parameters?.required_status_checks ?? []).map((check) => check.context),
          ]),
        ];
        break;
    }
  }
  return [...byId.values()];
}

function unknownSetting(permission: string, status?: number): UnknownSetting {
  return { unknown: status === undefined ? { permission } : { permission, status } };
}

/**
 * Runs one read; a 403 or 404 (the token may not read this) becomes an unknown setting. A rate limit,
 * a bad token or a server error is not a missing permission: it throws.
 */
async function readOrUnknown<T>(read: () => Promise<T>, permission: string): Promise<T | UnknownSetting> {
  try {
    return await read();
  } catch (error) {
    if (isAccessDenied(error)) return unknownSetting(permission, statusOf(error));
    throw error;
  }
}

interface HttpError {
  status?: unknown;
  message?: unknown;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

function statusOf(error: unknown): number | undefined {
  const status = (error as HttpError | undefined)?.status;
  return typeof status === 'number' ? status : undefined;
}

function messageOf(error: unknown): string {
  const data = (error as HttpError | undefined)?.response?.data;
  const message =
    typeof data === 'object' && data !== null ? (data as { message?: unknown }).message : undefined;
  if (typeof message === 'string') return message;
  const own = (error as HttpError | undefined)?.message;
  return typeof own === 'string' ? own : '';
}

/** A 403 or 404 that is not a rate limit: the token may not read this (or it does not exist). */
function isAccessDenied(error: unknown): boolean {
  const status = statusOf(error);
  return (status === 403 || status === 404) && !isRateLimited(error);
}

/** GitHub answers 403 (or 429) with `x-ratelimit-remaining: 0` or `retry-after` when rate limited. */
function isRateLimited(error: unknown): boolean {
  const headers = (error as HttpError | undefined)?.response?.headers ?? {};
  return String(headers['x-ratelimit-remaining']) === '0' || headers['retry-after'] !== undefined;
}

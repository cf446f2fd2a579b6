/**
 * The repository settings snapshot: a JSON file format (`*.palisade-posture.json`) that records what the
 * GitHub API said about a repository's settings. The collector (github.ts) writes it, the engine scans it
 * like any other file (the adapter in adapter.ts turns it into the posture model with source ranges), so
 * rules are proved on fixture files and a saved snapshot can be scanned again later.
 *
 * A setting the token was not allowed to read is `{"unknown": {...}}`, never `false`: unknown settings
 * produce a scan note naming the missing permission, not a finding.
 */

export const SNAPSHOT_KIND = 'github-repository-settings';
export const SNAPSHOT_SCHEMA_VERSION = 1;

/** A setting the API would not show: which permission reads it, and what the API answered. */
export interface UnknownSetting {
  unknown: {
    /** The permission that reads the setting, e.g. `Administration: read (GitHub App) or admin access`. */
    permission: string;
    /** The HTTP status GitHub answered, when it answered with an error. */
    status?: number;
  };
}

export type Known<T> = T | UnknownSetting;

/** Classic branch protection of the default branch (`GET /repos/{owner}/{repo}/branches/{branch}/protection`). */
export interface BranchProtectionSnapshot {
  /** Approvals a pull request needs; null when pull request reviews are not required. */
  requiredApprovingReviewCount: number | null;
  dismissStaleReviews: boolean;
  requireCodeOwnerReviews: boolean;
  allowForcePushes: boolean;
  allowDeletions: boolean;
  enforceAdmins: boolean;
  /** Required status check contexts; empty when none are required. */
  requiredStatusChecks: string[];
}

/** The active rules of one ruleset that apply to the default branch (`GET .../rules/branches/{branch}`). */
export interface RulesetSnapshot {
  id: number;
  /** `Repository` or `Organization`. */
  sourceType: string;
  /** The repository or organisation that holds the ruleset. */
  source: string;
  /** Present when the ruleset has a `pull_request` rule. */
  pullRequest?: {
    requiredApprovingReviewCount: number;
    dismissStaleReviewsOnPush: boolean;
    requireCodeOwnerReview: boolean;
  };
  /** A `non_fast_forward` rule. */
  blocksForcePushes: boolean;
  /** A `deletion` rule. */
  blocksDeletions: boolean;
  requiredStatusChecks: string[];
}

export interface ActionsSettingsSnapshot {
  /** The default `GITHUB_TOKEN` permissions of workflows. */
  defaultWorkflowPermissions: 'read' | 'write';
  canApprovePullRequestReviews: boolean;
}

export interface RepositorySettingsSnapshot {
  kind: typeof SNAPSHOT_KIND;
  schemaVersion: typeof SNAPSHOT_SCHEMA_VERSION;
  /** ISO time of collection. */
  collectedAt: string;
  repository: {
    owner: string;
    name: string;
    /** `public`, `private` or `internal`. */
    visibility: string;
    archived: boolean;
    defaultBranch: string;
    /** The default branch's head commit, when it could be read (uploads name it). */
    headCommit?: string;
    htmlUrl?: string;
  };
  /** Null when the default branch has no classic branch protection. */
  branchProtection: Known<BranchProtectionSnapshot | null>;
  /** Rulesets with active rules on the default branch; empty when none. */
  rulesets: Known<RulesetSnapshot[]>;
  secretScanning: Known<boolean>;
  secretScanningPushProtection: Known<boolean>;
  dependabotAlerts: Known<boolean>;
  actions: Known<ActionsSettingsSnapshot>;
  /** Self-hosted runners registered on the repository itself. */
  selfHostedRunners: Known<number>;
}

/** True when a snapshot value records a setting that could not be read. */
export function isUnknownSetting(value: unknown): value is UnknownSetting {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    'unknown' in value &&
    typeof (value as UnknownSetting).unknown === 'object'
  );
}

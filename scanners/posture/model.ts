import type { Attr } from '../model/attr.js';
import type { Resource } from '../model/model.js';

/**
 * A repository's security settings, provider-neutral: what the rules check. Each setting is an Attr whose
 * range points into the snapshot file. A setting the token could not read is unresolvable, so no rule can
 * turn it into a finding. Branch settings are effective values: classic branch protection and rulesets
 * that cover the default branch both count, and the strictest wins.
 */
export interface RepositorySettings extends Resource {
  /** `github` for now; the model holds no GitHub-only field names. */
  provider: string;
  owner: string;
  name: string;
  /** `public`, `private` or `internal`. */
  visibility: Attr<string>;
  archived: Attr<boolean>;
  defaultBranch: Attr<string>;
  /** Classic branch protection or at least one ruleset covers the default branch. */
  branchProtected: Attr<boolean>;
  /** Rulesets with active rules on the default branch. */
  rulesetCount: Attr<number>;
  /** The most approvals any protection requires; 0 when none requires reviews. */
  requiredApprovingReviews: Attr<number>;
  /** A protection that requires reviews also dismisses approvals when new commits are pushed. */
  dismissStaleReviews: Attr<boolean>;
  requireCodeOwnerReviews: Attr<boolean>;
  /** No protection blocks force pushes. */
  forcePushesAllowed: Attr<boolean>;
  /** No protection blocks deleting the branch. */
  deletionsAllowed: Attr<boolean>;
  /** Classic protection applies to administrators too. */
  enforceAdmins: Attr<boolean>;
  requiredStatusChecks: Attr<string[]>;
  secretScanning: Attr<boolean>;
  secretScanningPushProtection: Attr<boolean>;
  dependabotAlerts: Attr<boolean>;
  /** `read` or `write`: the default `GITHUB_TOKEN` permissions of workflows. */
  defaultWorkflowPermissions: Attr<string>;
  actionsCanApprovePullRequests: Attr<boolean>;
  selfHostedRunners: Attr<number>;
}

/** Repository settings from posture snapshots, by provider. */
export interface PostureModel {
  repositories: RepositorySettings[];
}

export function emptyPostureModel(): PostureModel {
  return { repositories: [] };
}

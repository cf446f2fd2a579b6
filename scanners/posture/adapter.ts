/**
 * Adapts a repository settings snapshot (snapshot.ts) into the posture model. Every value keeps the range
 * of the snapshot line that states it, so findings point at the setting. The file is untrusted input: a
 * field of the wrong type is a warning and reads as unknown, a setting the token could not read is a note
 * naming the permission, and neither ever becomes a finding.
 */
import { FileError } from '../core/errors.js';
import type { Range, ScanError } from '../core/types.js';
import { type Attr, explicit, isKnown, unresolvable } from '../model/attr.js';
import type { Model } from '../model/model.js';
import type { SourceFile } from '../parsers/source-file.js';
import { child, entry, type MapNode, scalar, type TreeNode } from '../parsers/tree.js';
import type { RepositorySettings } from './model.js';
import { SNAPSHOT_KIND, SNAPSHOT_SCHEMA_VERSION } from './snapshot.js';

/** Text taken from the file into messages is bounded and single-line. */
const MAX_QUOTED = 200;

export function adaptRepositorySettings(file: SourceFile, model: Model): void {
  const root = file.documents[0]?.tree;
  if (root?.kind !== 'map')
    throw new FileError('parse-failed', 'a repository settings snapshot must be a JSON object', 1);
  if (scalar(child(root, 'kind')) !== SNAPSHOT_KIND) return;
  const version = child(root, 'schemaVersion');
  if (scalar(version) !== SNAPSHOT_SCHEMA_VERSION) {
    throw new FileError(
      'unsupported',
      `this snapshot has schemaVersion ${quote(scalar(version))}; this Palisade reads version ${SNAPSHOT_SCHEMA_VERSION}`,
      version?.range.startLine ?? 1,
      'Collect it again with this version of Palisade: palisade posture github --repo OWNER/REPO --save FILE',
    );
  }
  const repositoryEntry = entry(root, 'repository');
  const repository = repositoryEntry?.value;
  const owner = scalar(child(repository, 'owner'));
  const name = scalar(child(repository, 'name'));
  if (
    repository?.kind !== 'map' ||
    typeof owner !== 'string' ||
    typeof name !== 'string' ||
    !owner ||
    !name
  ) {
    throw new FileError(
      'parse-failed',
      'the snapshot has no repository with an owner and a name',
      repository?.range.startLine ?? 1,
    );
  }
  const reader = new SnapshotReader(file.path, model.notes);
  const header = repositoryEntry?.keyRange ?? root.range;

  const classic = reader.classicProtection(root);
  const rulesets = reader.rulesets(root);
  const protectionNode = child(root, 'branchProtection') ?? root;
  const rulesetsNode = child(root, 'rulesets') ?? root;
  // A malformed ruleset might have required anything: what it would add is unknown.
  const unknownBranchSource = classic === 'unknown' || rulesets === 'unknown' || reader.incompleteRulesets;
  const classicRules = classic === 'unknown' || classic === null ? undefined : classic;
  const rulesetList = rulesets === 'unknown' ? [] : rulesets;

  let branchProtected: Attr<boolean>;
  if (classicRules) branchProtected = explicit(true, classicRules.range, 'branchProtection');
  else if (rulesetList[0]) branchProtected = explicit(true, rulesetList[0].range, 'branchProtection');
  else if (unknownBranchSource) branchProtected = unresolvable(protectionNode.range, 'branchProtection');
  else branchProtected = explicit(false, protectionNode.range, 'branchProtection');

  const none = <T>(value: T, path: string) => explicit(value, protectionNode.range, path);
  const reviewSources = [
    ...(classicRules ? [classicRules.reviews] : []),
    ...rulesetList.flatMap((r) => (r.reviews ? [r.reviews] : [])),
  ];
  const requiredApprovingReviews = strictest(
    reviewSources,
    unknownBranchSource,
    (count) => count >= 1,
    (count) => count,
    none(0, 'requiredApprovingReviews'),
  );
  // Only protections that require reviews can dismiss stale ones.
  const requiresReviews = (count: Attr<number> | undefined) => !count || !isKnown(count) || count.value >= 1;
  const dismissSources = [
    ...(classicRules && requiresReviews(classicRules.reviews) ? [classicRules.dismissStale] : []),
    ...rulesetList.flatMap((r) =>
      r.reviews && requiresReviews(r.reviews) && r.dismissStale ? [r.dismissStale] : [],
    ),
  ];
  const codeOwnerSources = [
    ...(classicRules && requiresReviews(classicRules.reviews) ? [classicRules.codeOwners] : []),
    ...rulesetList.flatMap((r) =>
      r.reviews && requiresReviews(r.reviews) && r.codeOwners ? [r.codeOwners] : [],
    ),
  ];
  const enabled = (value: boolean) => value;
  const rank = (value: boolean) => (value ? 1 : 0);
  const forcePushesBlocked = strictest(
    [
      ...(classicRules ? [classicRules.forcePushesBlocked] : []),
      ...rulesetList.map((r) => r.forcePushesBlocked),
    ],
    unknownBranchSource,
    enabled,
    rank,
    none(false, 'allowForcePushes'),
  );
  const deletionsBlocked = strictest(
    [...(classicRules ? [classicRules.deletionsBlocked] : []), ...rulesetList.map((r) => r.deletionsBlocked)],
    unknownBranchSource,
    enabled,
    rank,
    none(false, 'allowDeletions'),
  );
  const statusChecks = [
    ...(classicRules ? [classicRules.statusChecks] : []),
    ...rulesetList.map((r) => r.statusChecks),
  ];

  const actions = reader.object(root, 'actions', 'the Actions workflow permissions');
  const settings: RepositorySettings = {
    address: `${owner}/${name}`,
    kind: 'github.repository',
    file: file.path,
    format: file.format,
    range: root.range,
    headerRange: header,
    provider: 'github',
    owner,
    name,
    visibility: reader.string(repository, 'visibility', 'repository.visibility'),
    archived: reader.boolean(repository, 'archived', 'repository.archived'),
    defaultBranch: reader.string(repository, 'defaultBranch', 'repository.defaultBranch'),
    branchProtected,
    rulesetCount:
      rulesets === 'unknown'
        ? unresolvable(rulesetsNode.range, 'rulesets')
        : explicit(rulesets.length, rulesetsNode.range, 'rulesets'),
    requiredApprovingReviews,
    dismissStaleReviews: strictest(
      dismissSources,
      unknownBranchSource,
      enabled,
      rank,
      none(false, 'dismissStaleReviews'),
    ),
    requireCodeOwnerReviews: strictest(
      codeOwnerSources,
      unknownBranchSource,
      enabled,
      rank,
      none(false, 'requireCodeOwnerReviews'),
    ),
    forcePushesAllowed: negate(forcePushesBlocked),
    deletionsAllowed: negate(deletionsBlocked),
    // Rulesets name their bypass actors elsewhere; only classic protection says whether admins are held.
    enforceAdmins: classicRules
      ? classicRules.enforceAdmins
      : unresolvable(protectionNode.range, 'enforceAdmins'),
    requiredStatusChecks: explicit(
      [...new Set(statusChecks.flatMap((checks) => (isKnown(checks) ? checks.value : [])))],
      classicRules?.range ?? protectionNode.range,
      'requiredStatusChecks',
    ),
    secretScanning: reader.setting(root, 'secretScanning', 'secret scanning', booleanValue),
    secretScanningPushProtection: reader.setting(
      root,
      'secretScanningPushProtection',
      'secret scanning push protection',
      booleanValue,
    ),
    dependabotAlerts: reader.setting(root, 'dependabotAlerts', 'Dependabot alerts', booleanValue),
    defaultWorkflowPermissions: actions
      ? reader.string(actions, 'defaultWorkflowPermissions', 'actions.defaultWorkflowPermissions', [
          'read',
          'write',
        ])
      : unresolvable(child(root, 'actions')?.range ?? root.range, 'actions.defaultWorkflowPermissions'),
    actionsCanApprovePullRequests: actions
      ? reader.boolean(actions, 'canApprovePullRequestReviews', 'actions.canApprovePullRequestReviews')
      : unresolvable(child(root, 'actions')?.range ?? root.range, 'actions.canApprovePullRequestReviews'),
    selfHostedRunners: reader.setting(root, 'selfHostedRunners', 'the self-hosted runners', countValue),
  };
  model.posture.repositories.push(settings);
}

interface ClassicProtection {
  range: Range;
  reviews: Attr<number>;
  dismissStale: Attr<boolean>;
  codeOwners: Attr<boolean>;
  forcePushesBlocked: Attr<boolean>;
  deletionsBlocked: Attr<boolean>;
  enforceAdmins: Attr<boolean>;
  statusChecks: Attr<string[]>;
}

interface RulesetRules {
  range: Range;
  reviews?: Attr<number>;
  dismissStale?: Attr<boolean>;
  codeOwners?: Attr<boolean>;
  forcePushesBlocked: Attr<boolean>;
  deletionsBlocked: Attr<boolean>;
  statusChecks: Attr<string[]>;
}

type ValueParser<T> = (node: TreeNode) => T | undefined;

const booleanValue: ValueParser<boolean> = (node) => {
  const value = scalar(node);
  return typeof value === 'boolean' ? value : undefined;
};

const countValue: ValueParser<number> = (node) => {
  const value = scalar(node);
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
};

const stringList: ValueParser<string[]> = (node) =>
  node.kind === 'seq' && node.items.every((item) => typeof scalar(item) === 'string')
    ? node.items.map((item) => String(scalar(item)))
    : undefined;

/** Reads fields of the snapshot, recording a note per unreadable setting and a warning per malformed one. */
class SnapshotReader {
  /** Some ruleset (or its pull request rule) in the snapshot was malformed and left out. */
  incompleteRulesets = false;

  constructor(
    private readonly file: string,
    private readonly notes: ScanError[],
  ) {}

  /** A top-level setting that may be `{"unknown": ...}`. */
  setting<T>(root: MapNode, key: string, label: string, parse: ValueParser<T>): Attr<T> {
    const node = child(root, key);
    if (!node) return this.missing(root, key, label);
    if (this.isUnknown(node, label)) return unresolvable(node.range, key);
    return this.field(node, key, label, parse);
  }

  /** A top-level object setting, or undefined when it is unknown, missing or malformed. */
  object(root: MapNode, key: string, label: string): MapNode | undefined {
    const node = child(root, key);
    if (!node) {
      this.missing(root, key, label);
      return undefined;
    }
    if (this.isUnknown(node, label)) return undefined;
    if (node.kind === 'map') return node;
    this.malformed(node, key, 'an object');
    return undefined;
  }

  string(parent: TreeNode, key: string, path: string, allowed?: string[]): Attr<string> {
    const node = child(parent, key);
    if (!node) return this.missing(parent, key, path);
    return this.field(node, path, path, (n) => {
      const value = scalar(n);
      return typeof value === 'string' && (!allowed || allowed.includes(value)) ? value : undefined;
    });
  }

  boolean(parent: TreeNode, key: string, path: string): Attr<boolean> {
    const node = child(parent, key);
    if (!node) return this.missing(parent, key, path);
    return this.field(node, path, path, booleanValue);
  }

  classicProtection(root: MapNode): ClassicProtection | null | 'unknown' {
    const node = child(root, 'branchProtection');
    const label = 'the branch protection of the default branch';
    if (!node) {
      this.missing(root, 'branchProtection', label);
      return 'unknown';
    }
    if (this.isUnknown(node, label)) return 'unknown';
    if (node.kind === 'scalar' && node.value === null) return null;
    if (node.kind !== 'map') {
      this.malformed(node, 'branchProtection', 'null or an object');
      return 'unknown';
    }
    const path = (key: string) => `branchProtection.${key}`;
    const reviewsNode = child(node, 'requiredApprovingReviewCount');
    const reviews: Attr<number> =
      reviewsNode?.kind === 'scalar' && reviewsNode.value === null
        ? explicit(0, reviewsNode.range, path('requiredApprovingReviewCount'))
        : this.inner(node, 'requiredApprovingReviewCount', path, countValue);
    return {
      range: node.range,
      reviews,
      dismissStale: this.inner(node, 'dismissStaleReviews', path, booleanValue),
      codeOwners: this.inner(node, 'requireCodeOwnerReviews', path, booleanValue),
      forcePushesBlocked: negate(this.inner(node, 'allowForcePushes', path, booleanValue)),
      deletionsBlocked: negate(this.inner(node, 'allowDeletions', path, booleanValue)),
      enforceAdmins: this.inner(node, 'enforceAdmins', path, booleanValue),
      statusChecks: this.inner(node, 'requiredStatusChecks', path, stringList),
    };
  }

  rulesets(root: MapNode): RulesetRules[] | 'unknown' {
    const node = child(root, 'rulesets');
    const label = 'the rulesets of the default branch';
    if (!node) {
      this.missing(root, 'rulesets', label);
      return 'unknown';
    }
    if (this.isUnknown(node, label)) return 'unknown';
    if (node.kind !== 'seq') {
      this.malformed(node, 'rulesets', 'a list');
      return 'unknown';
    }
    const rulesets: RulesetRules[] = [];
    for (const [index, item] of node.items.entries()) {
      const path = (key: string) => `rulesets[${index}].${key}`;
      if (item.kind !== 'map') {
        this.malformed(item, `rulesets[${index}]`, 'an object');
        this.incompleteRulesets = true;
        continue;
      }
      const pullRequest = child(item, 'pullRequest');
      const pr = pullRequest?.kind === 'map' ? pullRequest : undefined;
      if (pullRequest && !pr) {
        this.malformed(pullRequest, path('pullRequest'), 'an object');
        this.incompleteRulesets = true;
      }
      const prPath = (key: string) => path(`pullRequest.${key}`);
      rulesets.push({
        range: item.range,
        reviews: pr && this.inner(pr, 'requiredApprovingReviewCount', prPath, countValue),
        dismissStale: pr && this.inner(pr, 'dismissStaleReviewsOnPush', prPath, booleanValue),
        codeOwners: pr && this.inner(pr, 'requireCodeOwnerReview', prPath, booleanValue),
        forcePushesBlocked: this.inner(item, 'blocksForcePushes', path, booleanValue),
        deletionsBlocked: this.inner(item, 'blocksDeletions', path, booleanValue),
        statusChecks: this.inner(item, 'requiredStatusChecks', path, stringList),
      });
    }
    return rulesets;
  }

  private inner<T>(
    parent: MapNode,
    key: string,
    path: (key: string) => string,
    parse: ValueParser<T>,
  ): Attr<T> {
    const node = child(parent, key);
    if (!node) return this.missing(parent, key, path(key));
    return this.field(node, path(key), path(key), parse);
  }

  private field<T>(node: TreeNode, path: string, label: string, parse: ValueParser<T>): Attr<T> {
    const value = parse(node);
    if (value === undefined) {
      this.malformed(node, label, 'a value of the documented type');
      return unresolvable(node.range, path);
    }
    return explicit(value, node.range, path);
  }

  private isUnknown(node: TreeNode, label: string): boolean {
    const unknown = child(node, 'unknown');
    if (node.kind !== 'map' || !unknown) return false;
    const permission = scalar(child(unknown, 'permission'));
    const status = scalar(child(unknown, 'status'));
    this.notes.push({
      code: 'permission-missing',
      level: 'note',
      file: this.file,
      line: node.range.startLine,
      message:
        `${label} could not be read` +
        (typeof status === 'number' ? ` (GitHub answered ${status})` : '') +
        (typeof permission === 'string' && permission ? `: it needs ${quote(permission)}` : '') +
        '; the checks of this setting were skipped',
      hint: 'Give the token or App the permission (docs/posture.md lists them) and collect the snapshot again.',
    });
    return true;
  }

  private missing<T>(parent: TreeNode, key: string, label: string): Attr<T> {
    this.notes.push({
      code: 'parse-failed',
      level: 'warning',
      file: this.file,
      line: parent.range.startLine,
      message: `the snapshot has no ${quote(key)} (${label}); its checks were skipped`,
      hint: 'Collect the snapshot again with palisade posture github --save FILE.',
    });
    return unresolvable(parent.range, key);
  }

  private malformed(node: TreeNode, label: string, expected: string): void {
    this.notes.push({
      code: 'parse-failed',
      level: 'warning',
      file: this.file,
      line: node.range.startLine,
      message: `${label} in the snapshot is not ${expected}; its checks were skipped`,
      hint: 'Collect the snapshot again with palisade posture github --save FILE.',
    });
  }
}

/**
 * The effective value over several protections (classic branch protection, rulesets): the strictest known
 * value when it is secure; unknown when it is not and some protection could not be read; else the
 * strictest value, or `none` when no protection sets it.
 */
function strictest<T>(
  sources: Attr<T>[],
  unknownSource: boolean,
  secure: (value: T) => boolean,
  rank: (value: T) => number,
  none: Attr<T>,
): Attr<T> {
  const known = sources.filter(isKnown);
  const best = known.reduce<(Attr<T> & { value: T }) | undefined>(
    (winner, candidate) => (!winner || rank(candidate.value) > rank(winner.value) ? candidate : winner),
    undefined,
  );
  if (best && secure(best.value)) return best;
  if (unknownSource || known.length < sources.length)
    return unresolvable(best?.range ?? none.range, none.path);
  return best ?? none;
}

/** The opposite boolean at the same place (an unknown stays unknown). */
function negate(attr: Attr<boolean>): Attr<boolean> {
  return isKnown(attr) ? { ...attr, value: !attr.value } : attr;
}

function quote(value: unknown): string {
  return JSON.stringify(
    String(value)
      .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
      .slice(0, MAX_QUOTED),
  );
}

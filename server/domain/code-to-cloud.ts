/**
 * The code-to-cloud analysis of one organisation: IaC resources merged with the deployed resources they are
 * linked to, each merged group's traits (internet-exposed, sensitive data, admin privileges, deployed), then
 * finding priorities, attack paths and secure scores over them. Pure: storage loads the snapshot and keeps
 * the result. Work is linear in the snapshot apart from the bounded attack-path search (attack-paths.ts).
 * The weights and rules are described in docs/code-to-cloud.md.
 */
import { compareText } from '../../scanners/core/types.js';
import type {
  AnalysisOptions,
  AnalysisResult,
  AnalysisSnapshot,
  LinkMethod,
  ResourceTrait,
  SnapshotCheck,
  SnapshotCloudResource,
  SnapshotFinding,
  SnapshotIacResource,
  TraitName,
} from './analysis-model.js';
import { findAttackPaths } from './attack-paths.js';
import { entry, push } from './maps.js';
import { prioritise } from './priority.js';
import { classifyResource, type ResourceClass } from './resource-classes.js';
import { secureScores } from './secure-score.js';

/**
 * Rule tags (declared with each rule, carried by its findings) that give the finding's resource a trait.
 * Custom rules get the same traits by declaring the same tags. See docs/code-to-cloud.md.
 */
export const RULE_TRAIT_TAGS = {
  /** The rule finds the resource reachable from the internet. */
  internetExposed: 'internet-exposed',
  /** The rule finds something public; it counts as exposure unless it is also `missing-safeguard`. */
  publicAccess: 'public-access',
  /** A `public-access` rule that finds a missing safeguard (a public access block), not exposure itself. */
  missingSafeguard: 'missing-safeguard',
  /** The rule finds admin or over-broad privileges on the resource or the identities it attaches to. */
  adminPrivilege: 'admin-privilege',
} as const;

/** Cloud check categories (Prowler's) that carry a trait when the check fails. */
const CHECK_CATEGORY_TRAITS: ReadonlyArray<[string, TraitName]> = [
  ['internet-exposed', 'internet-exposed'],
  ['admin-privilege', 'admin-privilege'],
  ['sensitive-data', 'sensitive-data'],
];

/** Tag keys (compared without case or separators) that classify data, and the values that mean "not sensitive". */
const CLASSIFICATION_TAG_KEYS: ReadonlySet<string> = new Set([
  'dataclassification',
  'classification',
  'sensitivity',
  'datasensitivity',
  'confidentiality',
]);
const NOT_SENSITIVE_VALUES: ReadonlySet<string> = new Set([
  'public',
  'none',
  'nonsensitive',
  'unclassified',
  'false',
  'no',
]);

const LINK_STRENGTH: Record<LinkMethod, number> = {
  'trace-tag': 3,
  'state-address': 2,
  'cloudformation-stack': 2,
  'name-heuristic': 0,
};

export const LINK_METHOD_WORDS: Record<LinkMethod, string> = {
  'trace-tag': 'trace tag',
  'state-address': 'Terraform state address',
  'cloudformation-stack': 'CloudFormation stack and logical id',
  'name-heuristic': 'name match only',
};

/** Finding statuses whose exposure or privilege still stands (a risk-accepted public port is still open). */
const STANDING_STATUSES: ReadonlySet<string> = new Set(['open', 'risk_accepted']);

export interface GroupCloudMember {
  resource: SnapshotCloudResource;
  /** The strongest link that brought it into the group; null for a cloud resource on its own. */
  method: LinkMethod | null;
  /** True when only name-heuristic links tie it to the group's IaC side. */
  weak: boolean;
}

/** An IaC resource merged with the cloud resources linked to it (or one unlinked resource of either side). */
export interface ResourceGroup {
  index: number;
  /** The smallest key of the group. */
  id: string;
  keys: string[];
  iac: SnapshotIacResource[];
  cloud: GroupCloudMember[];
  resourceClass: ResourceClass;
  /** e.g. `bucket customer-data`. */
  label: string;
  traits: ResourceTrait[];
  /** Open findings on the group's IaC resources. */
  openFindings: SnapshotFinding[];
  /** Failing runtime checks on the group's cloud resources, each with whether it comes through a weak link. */
  failingChecks: Array<{ check: SnapshotCheck; weak: boolean }>;
  repositoryIds: Set<number>;
  accountIds: Set<string>;
  /** The noun of its class, e.g. `bucket`. */
  noun: string;
  /** Per trait, the groups it comes from: the group itself, or those it passed from (security group, role). */
  traitOrigins: Map<TraitName, Set<number>>;
}

export interface GroupReference {
  from: number;
  to: number;
  relation: 'references' | 'related';
}

/** The merged view that priorities, attack paths and scores read. */
export interface AnalysisContext {
  snapshot: AnalysisSnapshot;
  groups: ResourceGroup[];
  groupOfKey: Map<string, number>;
  /** IaC references and cloud relationships between groups, in their declared direction, without duplicates. */
  references: GroupReference[];
}

export function analyse(snapshot: AnalysisSnapshot, options: AnalysisOptions = {}): AnalysisResult {
  const context = buildContext(snapshot);
  const paths = findAttackPaths(context, options);
  const traits = new Map<string, ResourceTrait[]>();
  for (const group of context.groups) {
    if (group.traits.length === 0) continue;
    for (const key of group.keys) traits.set(key, group.traits);
  }
  return {
    priorities: prioritise(context),
    traits,
    attackPaths: paths.paths,
    attackPathsTruncated: paths.truncated,
    scores: secureScores(snapshot),
  };
}

/** Merges linked resources (union-find), then derives each group's traits, findings and checks. */
export function buildContext(snapshot: AnalysisSnapshot): AnalysisContext {
  const iacByKey = new Map(snapshot.iacResources.map((resource) => [resource.key, resource]));
  const cloudByKey = new Map(snapshot.cloudResources.map((resource) => [resource.key, resource]));
  const allKeys = [...iacByKey.keys(), ...cloudByKey.keys()];
  const slot = new Map(allKeys.map((key, index) => [key, index]));
  const parent = allKeys.map((_, index) => index);
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root] as number;
    let node = index;
    while (parent[node] !== root) {
      const next = parent[node] as number;
      parent[node] = root;
      node = next;
    }
    return root;
  };
  const strongestLink = new Map<string, LinkMethod>();
  for (const link of snapshot.links) {
    const iacSlot = slot.get(link.iacKey);
    const cloudSlot = slot.get(link.cloudKey);
    if (iacSlot === undefined || cloudSlot === undefined) continue;
    if (!iacByKey.has(link.iacKey) || !cloudByKey.has(link.cloudKey)) continue;
    parent[find(cloudSlot)] = find(iacSlot);
    const known = strongestLink.get(link.cloudKey);
    if (!known || LINK_STRENGTH[link.method] > LINK_STRENGTH[known])
      strongestLink.set(link.cloudKey, link.method);
  }

  const groupOfRoot = new Map<number, number>();
  const groups: ResourceGroup[] = [];
  const groupOfKey = new Map<string, number>();
  for (const key of [...allKeys].sort(compareText)) {
    const root = find(slot.get(key) as number);
    let index = groupOfRoot.get(root);
    if (index === undefined) {
      index = groups.length;
      groupOfRoot.set(root, index);
      groups.push({
        index,
        id: key,
        keys: [],
        iac: [],
        cloud: [],
        resourceClass: 'other',
        label: '',
        traits: [],
        openFindings: [],
        failingChecks: [],
        repositoryIds: new Set(),
        accountIds: new Set(),
        noun: '',
        traitOrigins: new Map(),
      });
    }
    const group = groups[index] as ResourceGroup;
    group.keys.push(key);
    groupOfKey.set(key, index);
    const iac = iacByKey.get(key);
    if (iac) {
      group.iac.push(iac);
      group.repositoryIds.add(iac.repositoryId);
      continue;
    }
    const cloud = cloudByKey.get(key) as SnapshotCloudResource;
    const method = strongestLink.get(key) ?? null;
    group.cloud.push({ resource: cloud, method, weak: method === 'name-heuristic' });
    group.accountIds.add(cloud.accountId);
  }
  for (const group of groups) describeGroup(group);

  for (const finding of snapshot.findings) {
    if (finding.status !== 'open' || finding.resourceKey === undefined) continue;
    const index = groupOfKey.get(finding.resourceKey);
    if (index !== undefined && iacByKey.has(finding.resourceKey)) groups[index]?.openFindings.push(finding);
  }
  for (const check of snapshot.checks) {
    if (check.status !== 'fail') continue;
    const index = groupOfKey.get(check.cloudKey);
    const group = index === undefined ? undefined : groups[index];
    const member = group?.cloud.find((candidate) => candidate.resource.key === check.cloudKey);
    if (group && member) group.failingChecks.push({ check, weak: member.weak });
  }

  const standingByKey = new Map<string, SnapshotFinding[]>();
  for (const finding of snapshot.findings) {
    if (finding.resourceKey === undefined || !STANDING_STATUSES.has(finding.status)) continue;
    push(standingByKey, finding.resourceKey, finding);
  }
  const references = collectReferences(snapshot, groupOfKey);
  for (const group of groups) {
    group.traits.push(...ownTraits(group, standingByKey));
    for (const trait of group.traits) originsOf(group, trait.trait).add(group.index);
  }
  propagateTraits(groups, references);
  for (const group of groups) group.traits = dedupeTraits(group.traits);
  return { snapshot, groups, groupOfKey, references };
}

function describeGroup(group: ResourceGroup): void {
  // The IaC side names the group when there is one: it is what the team wrote.
  const iac = group.iac[0];
  const cloud = group.cloud[0]?.resource;
  const classification = iac
    ? classifyResource(iac.kind, iac.type)
    : classifyResource(cloud?.kind, cloud?.type ?? '');
  group.resourceClass = classification.resourceClass;
  const name = iac ? (iac.name ?? lastAddressSegment(iac.address)) : (cloud?.name ?? cloud?.uid ?? group.id);
  group.noun = classification.noun;
  group.label = `${classification.noun} ${name}`;
}

/** `module.a.aws_s3_bucket.logs["x"]` → `logs["x"]`; `Resources.Logs` → `Logs`. */
function lastAddressSegment(address: string): string {
  const withoutIndex = address.replace(/(\[[^\]]*\])+$/, '');
  const index = address.slice(withoutIndex.length);
  const parts = withoutIndex.split('.');
  return `${parts[parts.length - 1] ?? address}${index}`;
}

/** IaC references (by address within the same repository) and cloud `related` uids, between distinct groups. */
function collectReferences(snapshot: AnalysisSnapshot, groupOfKey: Map<string, number>): GroupReference[] {
  const byAddress = new Map<string, string>();
  for (const resource of snapshot.iacResources)
    byAddress.set(`${resource.repositoryId}\u0000${resource.address}`, resource.key);
  const byUid = new Map<string, string>();
  for (const resource of snapshot.cloudResources) {
    byUid.set(`${resource.accountId}\u0000${resource.uid}`, resource.key);
    if (!byUid.has(resource.uid)) byUid.set(resource.uid, resource.key);
  }
  const seen = new Set<string>();
  const references: GroupReference[] = [];
  const add = (fromKey: string, toKey: string | undefined, relation: GroupReference['relation']): void => {
    if (toKey === undefined) return;
    const from = groupOfKey.get(fromKey);
    const to = groupOfKey.get(toKey);
    if (from === undefined || to === undefined || from === to) return;
    const id = `${from}>${to}`;
    if (seen.has(id)) return;
    seen.add(id);
    references.push({ from, to, relation });
  };
  for (const resource of snapshot.iacResources) {
    for (const address of resource.references)
      add(resource.key, byAddress.get(`${resource.repositoryId}\u0000${address}`), 'references');
  }
  for (const resource of snapshot.cloudResources) {
    for (const uid of resource.related)
      add(resource.key, byUid.get(`${resource.accountId}\u0000${uid}`) ?? byUid.get(uid), 'related');
  }
  return references;
}

function isExposureFinding({ tags }: SnapshotFinding): boolean {
  if (tags.includes(RULE_TRAIT_TAGS.internetExposed)) return true;
  return tags.includes(RULE_TRAIT_TAGS.publicAccess) && !tags.includes(RULE_TRAIT_TAGS.missingSafeguard);
}

function sensitiveTag(tags: Record<string, string>): [string, string] | undefined {
  for (const [key, value] of Object.entries(tags)) {
    if (!CLASSIFICATION_TAG_KEYS.has(key.toLowerCase().replace(/[^a-z]/g, ''))) continue;
    const normalised = value.toLowerCase().replace(/[^a-z]/g, '');
    if (normalised !== '' && !NOT_SENSITIVE_VALUES.has(normalised)) return [key, value];
  }
  return undefined;
}

/** One line of a finding's message, trimmed, for an explanation. Only IaC findings reach here. */
function shortMessage(finding: SnapshotFinding): string {
  const text =
    (finding.category === 'iac' && finding.message ? finding.message : finding.title).split('\n')[0] ?? '';
  const trimmed = text.trim().replace(/\.$/, '');
  return trimmed.length > 160 ? `${trimmed.slice(0, 159)}…` : trimmed;
}

function ownTraits(group: ResourceGroup, standingByKey: Map<string, SnapshotFinding[]>): ResourceTrait[] {
  const traits: ResourceTrait[] = [];
  const byClass = (key: string, type: string, weak: boolean): void => {
    if (group.resourceClass === 'data-store')
      traits.push({
        trait: 'sensitive-data',
        reason: `${group.noun} is a data store`,
        evidence: { source: 'resource-type', key, type },
        weak,
      });
    if (group.resourceClass === 'network-entry')
      traits.push({
        trait: 'internet-exposed',
        reason: `${group.label} takes traffic from the internet`,
        evidence: { source: 'resource-type', key, type },
        weak,
      });
  };
  const byTags = (key: string, tags: Record<string, string>, weak: boolean): void => {
    const tag = sensitiveTag(tags);
    if (tag)
      traits.push({
        trait: 'sensitive-data',
        reason: `tagged ${tag[0]}=${tag[1]}`,
        evidence: { source: 'tag', key, tag: tag[0], value: tag[1] },
        weak,
      });
  };
  for (const resource of group.iac) {
    byClass(resource.key, resource.type, false);
    byTags(resource.key, resource.tags, false);
  }
  for (const member of group.cloud) {
    if (group.iac.length === 0) byClass(member.resource.key, member.resource.type, member.weak);
    byTags(member.resource.key, member.resource.tags, member.weak);
    if (member.method)
      traits.push({
        trait: 'deployed',
        reason: `deployed as ${member.resource.uid} in ${place(member.resource)}`,
        evidence: { source: 'link', cloudKey: member.resource.key, method: member.method },
        weak: member.weak,
      });
  }
  for (const finding of group.iac.flatMap((resource) => standingByKey.get(resource.key) ?? [])) {
    const evidence = { source: 'finding', findingId: finding.id, ruleId: finding.ruleId } as const;
    if (isExposureFinding(finding))
      traits.push({ trait: 'internet-exposed', reason: shortMessage(finding), evidence, weak: false });
    if (finding.tags.includes(RULE_TRAIT_TAGS.adminPrivilege))
      traits.push({ trait: 'admin-privilege', reason: shortMessage(finding), evidence, weak: false });
  }
  for (const { check, weak } of group.failingChecks) {
    for (const [category, trait] of CHECK_CATEGORY_TRAITS) {
      if (check.categories.includes(category))
        traits.push({
          trait,
          reason: `runtime check ${check.checkId} fails: ${check.title}`,
          evidence: { source: 'check', checkId: check.checkId, cloudKey: check.cloudKey },
          weak,
        });
    }
  }
  return traits;
}

export function place(resource: SnapshotCloudResource): string {
  return resource.region ? `${resource.accountId}/${resource.region}` : resource.accountId;
}

/**
 * Exposure of a security group, NSG or firewall (and of rules attached to it) passes to the resources it
 * guards: those that reference it, and the interfaces, instances and data stores it references (an NSG
 * association). Admin privileges of a policy pass to the identities and workloads it is attached to.
 */
function propagateTraits(groups: ResourceGroup[], references: GroupReference[]): void {
  const neighbours = groups.map(() => [] as Array<{ index: number; referencedByMe: boolean }>);
  for (const reference of references) {
    neighbours[reference.from]?.push({ index: reference.to, referencedByMe: true });
    neighbours[reference.to]?.push({ index: reference.from, referencedByMe: false });
  }
  const spread = (
    from: ResourceClass,
    trait: TraitName,
    accepts: (target: ResourceGroup, referencedByMe: boolean) => boolean,
  ): void => {
    const additions: Array<[number, ResourceTrait, number]> = [];
    const done = new Set<number>();
    for (const start of groups) {
      if (start.resourceClass !== from || done.has(start.index)) continue;
      // The connected component of this class: a rule resource, its group, an association.
      const component: ResourceGroup[] = [];
      const queue = [start.index];
      done.add(start.index);
      while (queue.length > 0) {
        const group = groups[queue.pop() as number] as ResourceGroup;
        component.push(group);
        for (const next of neighbours[group.index] ?? []) {
          const other = groups[next.index] as ResourceGroup;
          if (other.resourceClass === from && !done.has(other.index)) {
            done.add(other.index);
            queue.push(other.index);
          }
        }
      }
      const carried = component.flatMap((group) =>
        group.traits.filter((t) => t.trait === trait).map((t) => ({ group, t })),
      );
      if (carried.length === 0) continue;
      const targets = new Set<number>();
      for (const group of component) {
        for (const next of neighbours[group.index] ?? []) {
          const other = groups[next.index] as ResourceGroup;
          if (other.resourceClass !== from && accepts(other, next.referencedByMe)) targets.add(other.index);
        }
      }
      // Members of the component without the trait get it too (the profile that wraps an admin role).
      for (const group of component) {
        if (!group.traits.some((t) => t.trait === trait)) targets.add(group.index);
      }
      for (const target of targets) {
        for (const { group, t } of carried)
          additions.push([target, { ...t, reason: throughReason(group, t.reason) }, group.index]);
      }
    }
    for (const [index, added, origin] of additions) {
      const target = groups[index] as ResourceGroup;
      target.traits.push(added);
      originsOf(target, trait).add(origin);
    }
  };
  const guarded: ReadonlySet<ResourceClass> = new Set([
    'compute',
    'network-interface',
    'data-store',
    'network-entry',
  ]);
  // A public IP exposes the interface it is attached to, and the interface the VM behind it.
  spread(
    'network-entry',
    'internet-exposed',
    (target) => target.resourceClass === 'network-interface' || target.resourceClass === 'compute',
  );
  spread('network-interface', 'internet-exposed', (target) => target.resourceClass === 'compute');
  spread('network-control', 'internet-exposed', (target, referencedByControl) =>
    referencedByControl ? guarded.has(target.resourceClass) : target.resourceClass !== 'policy',
  );
  spread(
    'policy',
    'admin-privilege',
    (target) => target.resourceClass === 'identity' || target.resourceClass === 'compute',
  );
  // A workload that runs as an admin identity (an instance through its profile) acts as admin.
  spread('identity', 'admin-privilege', (target) => target.resourceClass === 'compute');
}

function originsOf(group: ResourceGroup, trait: TraitName): Set<number> {
  return entry(group.traitOrigins, trait, () => new Set<number>());
}

/** "through role app-role: …", and "through role app-role and policy admin: …" for a second hop. */
function throughReason(via: ResourceGroup, reason: string): string {
  return reason.startsWith('through ')
    ? `through ${via.label} and ${reason.slice('through '.length)}`
    : `through ${via.label}: ${reason}`;
}

function dedupeTraits(traits: ResourceTrait[]): ResourceTrait[] {
  const byReason = new Map<string, ResourceTrait>();
  for (const trait of traits) {
    const id = `${trait.trait}\u0000${trait.reason}`;
    const known = byReason.get(id);
    // The same reason through a strong and a weak link counts as strong.
    if (!known || (known.weak && !trait.weak)) byReason.set(id, trait);
  }
  const order: Record<TraitName, number> = {
    'internet-exposed': 0,
    'sensitive-data': 1,
    'admin-privilege': 2,
    deployed: 3,
  };
  // The most specific evidence first: a finding's message, then a runtime check, then tags and types.
  const evidenceOrder: Record<ResourceTrait['evidence']['source'], number> = {
    finding: 0,
    check: 1,
    tag: 2,
    'resource-type': 3,
    link: 4,
  };
  return [...byReason.values()].sort(
    (a, b) =>
      order[a.trait] - order[b.trait] ||
      Number(a.weak) - Number(b.weak) ||
      evidenceOrder[a.evidence.source] - evidenceOrder[b.evidence.source] ||
      compareText(a.reason, b.reason),
  );
}

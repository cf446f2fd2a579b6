/**
 * Attack paths ("toxic combinations"): how an attacker who reaches an internet-exposed resource can walk to
 * a resource holding sensitive data.
 *
 * The graph. Nodes are resource groups (an IaC resource merged with its linked cloud resources). Security
 * groups, NSGs and firewalls are not nodes: their exposure already passed to what they guard
 * (code-to-cloud.ts). Policies are not nodes either: a policy component (policies, attachments, grants that
 * reference each other) becomes `grants` edges from each principal it touches (identity, compute) to each
 * other resource it touches. An IaC reference or a cloud relationship between two nodes becomes one directed
 * edge, oriented by the classes at its ends along the order in which an attacker moves:
 * network entry → network interface → compute → identity → data store; between equal classes, or when an
 * end has no class, the declared direction is kept (a subnet referenced by an instance leads nowhere). A
 * node with admin privileges has implicit `admin-access` edges to every sensitive node that shares one of
 * its repositories or cloud accounts, unless it has them from an admin identity it has an edge to (an
 * instance through its profile): then the path goes through that identity.
 *
 * The search. From every internet-exposed node, a breadth-first search up to `maxPathHops` edges gives the
 * shortest path to every sensitive node it reaches (a sensitive node that is itself exposed is a path of
 * zero hops). A path is kept when something on it is wrong: an open finding, a failing runtime check, admin
 * privileges, or exposure that comes from a finding or a check. Paths rank by the highest severity on the
 * path, then admin privileges on the path, then a target known to hold sensitive data (a classification tag
 * or a check) before a mere data store, then fewer hops, then their node ids.
 *
 * Bounds. Each search is O(V + E) and there are S sources, so the work is O(S × (V + E)); a budget of edge
 * visits (`EDGE_VISIT_BUDGET`) stops the search early on huge graphs and sets `truncated`. Candidates are
 * kept in a buffer cut back to the best `maxPaths` whenever it holds four times that many, so memory stays
 * O(V + E + maxPaths).
 */
import { SEVERITY_RANK, type Severity } from '../../scanners/core/types.js';
import type {
  AnalysisOptions,
  AttackPath,
  AttackPathEdge,
  AttackPathNode,
  TraitName,
} from './analysis-model.js';
import type { AnalysisContext, ResourceGroup } from './code-to-cloud.js';
import { push } from './maps.js';
import type { ResourceClass } from './resource-classes.js';

export const DEFAULT_MAX_PATH_HOPS = 4;
export const DEFAULT_MAX_PATHS = 50;
export const EDGE_VISIT_BUDGET = 5_000_000;
/** `grants` edges one policy component may add (principals × targets); a bigger component adds none. */
const MAX_GRANT_EDGES_PER_COMPONENT = 10_000;

const MOVE_ORDER: Partial<Record<ResourceClass, number>> = {
  'network-entry': 0,
  'network-interface': 1,
  compute: 2,
  identity: 3,
  'data-store': 4,
};

type Relation = AttackPathEdge['relation'];
const RELATIONS: readonly Relation[] = ['references', 'related', 'grants', 'admin-access'];

interface Graph {
  /** adjacency[node] = [target, relation index, target, relation index, …] */
  adjacency: number[][];
  isNode: boolean[];
  /** Sensitive nodes by repository and by account, for the implicit admin-access edges. */
  sensitiveByRepository: Map<number, number[]>;
  sensitiveByAccount: Map<string, number[]>;
  truncated: boolean;
}

interface RankKey {
  /** Highest severity rank on the path; -1 when none. */
  severity: number;
  admin: boolean;
  /** 2 when the target is known to hold sensitive data (a tag, a check), 1 when it is a data store. */
  targetSensitivity: number;
  /** Nodes on the path (hops + 1). */
  length: number;
}

interface Candidate extends RankKey {
  nodes: number[];
  relations: number[];
  id: string;
}

function has(group: ResourceGroup, trait: TraitName): boolean {
  return group.traits.some((candidate) => candidate.trait === trait);
}

function buildGraph(context: AnalysisContext): Graph {
  const { groups } = context;
  const isNode = groups.map(
    (group) => group.resourceClass !== 'network-control' && group.resourceClass !== 'policy',
  );
  const adjacency = groups.map(() => [] as number[]);
  const edgeSeen = new Set<string>();
  const addEdge = (from: number, to: number, relation: Relation): void => {
    if (from === to) return;
    const id = `${from}>${to}`;
    if (edgeSeen.has(id)) return;
    edgeSeen.add(id);
    adjacency[from]?.push(to, RELATIONS.indexOf(relation));
  };
  const neighbours = groups.map(() => [] as number[]);
  for (const reference of context.references) {
    neighbours[reference.from]?.push(reference.to);
    neighbours[reference.to]?.push(reference.from);
    if (!isNode[reference.from] || !isNode[reference.to]) continue;
    const fromOrder = MOVE_ORDER[(groups[reference.from] as ResourceGroup).resourceClass];
    const toOrder = MOVE_ORDER[(groups[reference.to] as ResourceGroup).resourceClass];
    if (fromOrder !== undefined && toOrder !== undefined && toOrder < fromOrder)
      addEdge(reference.to, reference.from, reference.relation);
    else addEdge(reference.from, reference.to, reference.relation);
  }

  let truncated = false;
  const visited = new Set<number>();
  for (const start of groups) {
    if (start.resourceClass !== 'policy' || visited.has(start.index)) continue;
    const component: number[] = [];
    const stack = [start.index];
    visited.add(start.index);
    while (stack.length > 0) {
      const index = stack.pop() as number;
      component.push(index);
      for (const next of neighbours[index] ?? []) {
        if ((groups[next] as ResourceGroup).resourceClass === 'policy' && !visited.has(next)) {
          visited.add(next);
          stack.push(next);
        }
      }
    }
    const principals = new Set<number>();
    const targets = new Set<number>();
    for (const index of component) {
      for (const next of neighbours[index] ?? []) {
        if (!isNode[next]) continue;
        const nextClass = (groups[next] as ResourceGroup).resourceClass;
        if (nextClass === 'identity' || nextClass === 'compute') principals.add(next);
        else targets.add(next);
      }
    }
    if (principals.size * targets.size > MAX_GRANT_EDGES_PER_COMPONENT) {
      truncated = true;
      continue;
    }
    for (const principal of principals) for (const target of targets) addEdge(principal, target, 'grants');
  }

  const sensitiveByRepository = new Map<number, number[]>();
  const sensitiveByAccount = new Map<string, number[]>();
  for (const group of groups) {
    if (!isNode[group.index] || !has(group, 'sensitive-data')) continue;
    for (const repository of group.repositoryIds) push(sensitiveByRepository, repository, group.index);
    for (const account of group.accountIds) push(sensitiveByAccount, account, group.index);
  }
  return { adjacency, isNode, sensitiveByRepository, sensitiveByAccount, truncated };
}

export function findAttackPaths(
  context: AnalysisContext,
  options: AnalysisOptions = {},
): { paths: AttackPath[]; truncated: boolean } {
  const maxHops = Math.max(0, Math.floor(options.maxPathHops ?? DEFAULT_MAX_PATH_HOPS));
  const maxPaths = Math.max(0, Math.floor(options.maxPaths ?? DEFAULT_MAX_PATHS));
  const { groups } = context;
  const graph = buildGraph(context);
  let truncated = graph.truncated;

  // A node answers for its own open findings and for the open findings that gave it a trait (the security
  // group rule that exposes an instance, the policy that makes a role admin).
  const findingById = new Map(context.snapshot.findings.map((finding) => [finding.id, finding]));
  const nodeFindings = groups.map((group) => {
    const ids = new Set(group.openFindings.map((finding) => finding.id));
    for (const trait of group.traits) {
      if (trait.evidence.source === 'finding' && findingById.get(trait.evidence.findingId)?.status === 'open')
        ids.add(trait.evidence.findingId);
    }
    return [...ids].sort((a, b) => a - b);
  });
  const severity = groups.map((group, index) => {
    let best = -1;
    for (const id of nodeFindings[index] as number[]) {
      const finding = findingById.get(id);
      if (finding) best = Math.max(best, SEVERITY_RANK[finding.severity]);
    }
    for (const { check } of group.failingChecks) best = Math.max(best, SEVERITY_RANK[check.severity]);
    return best;
  });
  const admin = groups.map((group) => has(group, 'admin-privilege'));
  const sensitive = groups.map((group) => has(group, 'sensitive-data'));
  const targetSensitivity = groups.map((group) =>
    group.traits.some(
      (trait) => trait.trait === 'sensitive-data' && trait.evidence.source !== 'resource-type',
    )
      ? 2
      : 1,
  );
  // Admin reach starts at the identity that holds it: a workload whose admin privileges come from an admin
  // identity it uses reaches data through that identity, so the path names it.
  const adminAccess = groups.map((_group, index) => {
    if (!admin[index]) return false;
    const edges = graph.adjacency[index] as number[];
    for (let i = 0; i < edges.length; i += 2) {
      const target = edges[i] as number;
      if (admin[target] && (groups[target] as ResourceGroup).resourceClass === 'identity') return false;
    }
    return true;
  });
  const risky = groups.map(
    (group, index) =>
      (severity[index] as number) >= 0 ||
      (admin[index] as boolean) ||
      group.traits.some(
        (trait) => trait.trait === 'internet-exposed' && trait.evidence.source !== 'resource-type',
      ),
  );

  const count = groups.length;
  const stamp = new Int32Array(count).fill(-1);
  const depth = new Int32Array(count);
  const parent = new Int32Array(count);
  const parentRelation = new Int8Array(count);
  let budget = EDGE_VISIT_BUDGET;
  let candidates: Candidate[] = [];
  // Once `maxPaths` candidates are kept, a path ranked below the worst of them can never be returned.
  let worstKept: Candidate | undefined;
  const cut = (): void => {
    candidates.sort(compareCandidates);
    candidates = candidates.slice(0, maxPaths);
    if (candidates.length === maxPaths) worstKept = candidates[candidates.length - 1];
  };

  // A source is exposed on its own or through something that is not a node (its security group); a VM
  // exposed through the public IP and interface in front of it is reached from that public IP instead.
  const sources = groups.filter((group) => {
    if (!graph.isNode[group.index]) return false;
    const origins = group.traitOrigins.get('internet-exposed');
    return (
      origins !== undefined && [...origins].some((origin) => origin === group.index || !graph.isNode[origin])
    );
  });
  let queue: number[] = [];
  let searchFrom = -1;
  let from = -1;
  const visit = (next: number, relation: number): void => {
    if (stamp[next] === searchFrom) return;
    stamp[next] = searchFrom;
    depth[next] = (depth[from] as number) + 1;
    parent[next] = from;
    parentRelation[next] = relation;
    queue.push(next);
  };
  search: for (const source of sources) {
    queue = [source.index];
    searchFrom = source.index;
    stamp[source.index] = source.index;
    depth[source.index] = 0;
    parent[source.index] = -1;
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head] as number;
      if (sensitive[node]) {
        // Rank the path by walking its parent pointers; build it only when it can still make the cut.
        let pathSeverity = -1;
        let pathAdmin = false;
        let pathRisky = false;
        let length = 0;
        for (let step = node; step !== -1; step = parent[step] as number) {
          pathSeverity = Math.max(pathSeverity, severity[step] as number);
          pathAdmin ||= admin[step] as boolean;
          pathRisky ||= risky[step] as boolean;
          length++;
        }
        const key: RankKey = {
          severity: pathSeverity,
          admin: pathAdmin,
          targetSensitivity: targetSensitivity[node] as number,
          length,
        };
        if (pathRisky && (worstKept === undefined || beats(key, node, parent, worstKept))) {
          candidates.push(buildCandidate(node, key, parent, parentRelation, groups));
          if (candidates.length >= Math.max(4 * maxPaths, 64)) cut();
        }
      }
      if ((depth[node] as number) >= maxHops) continue;
      from = node;
      const edges = graph.adjacency[node] as number[];
      budget -= edges.length / 2;
      for (let i = 0; i < edges.length; i += 2) visit(edges[i] as number, edges[i + 1] as number);
      if (adminAccess[node]) {
        const group = groups[node] as ResourceGroup;
        const adminRelation = RELATIONS.indexOf('admin-access');
        for (const repository of group.repositoryIds) {
          const targets = graph.sensitiveByRepository.get(repository) ?? [];
          budget -= targets.length;
          for (const target of targets) visit(target, adminRelation);
        }
        for (const account of group.accountIds) {
          const targets = graph.sensitiveByAccount.get(account) ?? [];
          budget -= targets.length;
          for (const target of targets) visit(target, adminRelation);
        }
      }
      if (budget < 0) {
        truncated = true;
        break search;
      }
    }
  }
  cut();
  return {
    paths: candidates.map((candidate) => toPath(candidate, groups, adminAccess, nodeFindings)),
    truncated,
  };
}

function buildCandidate(
  target: number,
  key: RankKey,
  parent: Int32Array,
  parentRelation: Int8Array,
  groups: ResourceGroup[],
): Candidate {
  const nodes: number[] = [];
  const relations: number[] = [];
  for (let node = target; node !== -1; node = parent[node] as number) {
    nodes.push(node);
    if (parent[node] !== -1) relations.push(parentRelation[node] as number);
  }
  nodes.reverse();
  relations.reverse();
  return { ...key, nodes, relations, id: nodes.map((node) => (groups[node] as ResourceGroup).id).join('>') };
}

/** Best first: higher severity, admin privileges, a target known to be sensitive, fewer nodes. */
function compareRank(a: RankKey, b: RankKey): number {
  return (
    b.severity - a.severity ||
    Number(b.admin) - Number(a.admin) ||
    b.targetSensitivity - a.targetSensitivity ||
    a.length - b.length
  );
}

/**
 * Ties break on the node ids, compared node by node from the source. Groups are numbered in the order of
 * their ids (code-to-cloud.ts builds them from sorted keys), so comparing indexes compares ids.
 */
function compareCandidates(a: Candidate, b: Candidate): number {
  return compareRank(a, b) || compareNodes(a.nodes, b.nodes);
}

function compareNodes(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++)
    if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return a.length - b.length;
}

/** True when the path ending at `target` ranks before `kept`, without building it. */
function beats(key: RankKey, target: number, parent: Int32Array, kept: Candidate): boolean {
  const rank = compareRank(key, kept);
  if (rank !== 0) return rank < 0;
  const nodes: number[] = [];
  for (let node = target; node !== -1; node = parent[node] as number) nodes.push(node);
  return compareNodes(nodes.reverse(), kept.nodes) < 0;
}

const SEVERITY_BY_RANK: Record<number, Severity> = {
  4: 'critical',
  3: 'high',
  2: 'medium',
  1: 'low',
  0: 'info',
};

function toPath(
  candidate: Candidate,
  groups: ResourceGroup[],
  /** Nodes named "with admin privileges": those that hold them, not the workloads that borrow them. */
  adminAccess: boolean[],
  nodeFindings: number[][],
): AttackPath {
  const nodes: AttackPathNode[] = candidate.nodes.map((index) => {
    const group = groups[index] as ResourceGroup;
    return {
      id: group.id,
      keys: group.keys,
      label: group.label,
      traits: [...new Set(group.traits.map((trait) => trait.trait))],
      findingIds: nodeFindings[index] as number[],
      failingChecks: group.failingChecks.length,
    };
  });
  const edges: AttackPathEdge[] = candidate.relations.map((relation, i) => ({
    from: (nodes[i] as AttackPathNode).id,
    to: (nodes[i + 1] as AttackPathNode).id,
    relation: RELATIONS[relation] as Relation,
  }));
  const last = candidate.nodes.length - 1;
  const phrases = candidate.nodes.map((index, position) => {
    const group = groups[index] as ResourceGroup;
    let phrase = position === 0 ? `Internet-exposed ${group.label}` : group.label;
    if (adminAccess[index]) phrase += ' with admin privileges';
    if (position === last) phrase += `${adminAccess[index] ? ' and' : ' with'} sensitive data`;
    return phrase;
  });
  return {
    id: candidate.id,
    nodes,
    edges,
    hops: edges.length,
    severity: candidate.severity >= 0 ? (SEVERITY_BY_RANK[candidate.severity] as Severity) : null,
    adminPrivilege: candidate.admin,
    sentence: phrases.join(' → '),
    findingIds: [...new Set(nodes.flatMap((node) => node.findingIds))].sort((a, b) => a - b),
  };
}

/**
 * The contract between storage and the code-to-cloud analysis (`analyse()` in code-to-cloud.ts): what the
 * server loads for one organisation, and what the analysis hands back for it to persist. Pure data, no
 * storage ids beyond the ones listed, and nothing secret: the analysis copies only rule ids, titles,
 * messages of IaC findings, names, types, places and tags into its explanations.
 *
 * Keys are opaque strings chosen by the loader, unique within one snapshot. The analysis never parses them;
 * a readable form such as `iac:<repositoryId>:<address>` and `cloud:<accountId>:<uid>` helps debugging.
 */
import type { CloudCheckResult, CloudResource } from '../../scanners/cloud/model.js';
import type { IacResourceRecord, Severity } from '../../scanners/core/types.js';
import type { FindingStatus } from '../storage/database.js';

/** How an IaC resource was matched to a deployed one, strongest first. `name-heuristic` is the weak one. */
export type LinkMethod = 'trace-tag' | 'state-address' | 'cloudformation-stack' | 'name-heuristic';

/** One IaC resource from the latest full scan of a repository's default branch. */
export interface SnapshotIacResource extends IacResourceRecord {
  key: string;
  repositoryId: number;
}

/** One deployed resource from the current inventory of a cloud account (`accountId` is on CloudResource). */
export interface SnapshotCloudResource extends CloudResource {
  key: string;
}

export interface SnapshotLink {
  iacKey: string;
  cloudKey: string;
  method: LinkMethod;
}

/**
 * A code finding of the latest scans, whatever its status: open findings make resources unhealthy and get a
 * priority; closed and false-positive ones count as healthy in the secure score; risk-accepted ones are
 * exempt from it (neither healthy nor unhealthy).
 */
export interface SnapshotFinding {
  id: number;
  repositoryId: number;
  ruleId: string;
  /** The rule's title, used in explanations. */
  title: string;
  severity: Severity;
  /** `iac`, `secret`, `pipeline`, `posture`. */
  category: string;
  status: FindingStatus;
  /** The rule's tags: `internet-exposed`, `public-access` and `admin-privilege` give its resource traits. */
  tags: string[];
  /** The finding's message; read only for IaC findings that make a resource internet-exposed. */
  message?: string;
  /** Path of the finding in its repository: the secure-score subject of findings without a resource. */
  file: string;
  /** The key of the IaC resource the finding is about, when the loader matched `resource` to one. */
  resourceKey?: string;
}

/** A runtime posture check result on one deployed resource of the snapshot. */
export interface SnapshotCheck extends CloudCheckResult {
  cloudKey: string;
}

export interface AnalysisSnapshot {
  iacResources: SnapshotIacResource[];
  cloudResources: SnapshotCloudResource[];
  links: SnapshotLink[];
  findings: SnapshotFinding[];
  checks: SnapshotCheck[];
  /**
   * Optional: the neutral kinds (or provider types) each rule evaluates, by rule id. Without it the secure
   * score infers a rule's kinds from the resources its findings sit on (see secure-score.ts).
   */
  ruleKinds?: Record<string, string[]>;
}

export interface AnalysisOptions {
  /** Longest attack path in edges (hops). Default 4. */
  maxPathHops?: number;
  /** Attack paths returned, best ranked first. Default 50. */
  maxPaths?: number;
}

export type TraitName = 'internet-exposed' | 'sensitive-data' | 'admin-privilege' | 'deployed';

/** Why a resource has a trait. */
export type TraitEvidence =
  | { source: 'finding'; findingId: number; ruleId: string }
  | { source: 'check'; checkId: string; cloudKey: string }
  | { source: 'resource-type'; key: string; type: string }
  | { source: 'tag'; key: string; tag: string; value: string }
  | { source: 'link'; cloudKey: string; method: LinkMethod };

export interface ResourceTrait {
  trait: TraitName;
  /** One plain sentence fragment, e.g. "security group allows 0.0.0.0/0 on 22". */
  reason: string;
  evidence: TraitEvidence;
  /** True when the trait reaches this resource only through a `name-heuristic` link (weaker). */
  weak: boolean;
}

export type PriorityFactorName =
  | 'severity'
  | 'deployed'
  | 'internet-exposed'
  | 'sensitive-data'
  | 'admin-privilege'
  | 'runtime-checks';

export interface PriorityFactor {
  factor: PriorityFactorName;
  /** Points this factor adds (the sum, capped at 100, is the score). */
  points: number;
  reason: string;
}

/** The priority of one open finding: 0–100, higher first. */
export interface PriorityScore {
  findingId: number;
  score: number;
  factors: PriorityFactor[];
  /** `factors[].reason`, in order: what the dashboard shows. */
  reasons: string[];
}

/** A resource on an attack path: an IaC resource merged with the cloud resources it is linked to. */
export interface AttackPathNode {
  /** Stable id: the smallest key of the merged resources. */
  id: string;
  keys: string[];
  /** e.g. `instance web`, `bucket customer-data`. */
  label: string;
  traits: TraitName[];
  /** Open findings on the node's IaC side, and those that gave it a trait (its security group's, its policy's). */
  findingIds: number[];
  failingChecks: number;
}

export interface AttackPathEdge {
  from: string;
  to: string;
  /**
   * `references`: an IaC reference; `related`: a cloud relationship; `grants`: a policy gives the source
   * access to the target; `admin-access`: the source has admin privileges in the target's repository or
   * account.
   */
  relation: 'references' | 'related' | 'grants' | 'admin-access';
}

export interface AttackPath {
  /** Stable id: the node ids joined with `>`. */
  id: string;
  nodes: AttackPathNode[];
  edges: AttackPathEdge[];
  hops: number;
  /** Highest severity among open findings and failing checks on the path; null when none. */
  severity: Severity | null;
  adminPrivilege: boolean;
  /** "Internet-exposed instance web → role app-role with admin policy → bucket customer-data with sensitive data" */
  sentence: string;
  findingIds: number[];
}

export interface ControlScore {
  /** The rule id, or the cloud check id. */
  control: string;
  source: 'rule' | 'cloud-check';
  severity: Severity;
  maxPoints: number;
  healthy: number;
  unhealthy: number;
  /** maxPoints × healthy ÷ (healthy + unhealthy). */
  points: number;
}

export interface SecureScore {
  points: number;
  maxPoints: number;
  /** 100 × points ÷ maxPoints, one decimal; null when no control evaluated anything in the scope. */
  percent: number | null;
  /** Sorted by lost points (maxPoints − points), most first, then control id. */
  controls: ControlScore[];
}

export interface AnalysisResult {
  /** By finding id; open findings only. */
  priorities: Map<number, PriorityScore>;
  /** By resource key (IaC and cloud); a linked group shares the union of its traits. Absent: no trait. */
  traits: Map<string, ResourceTrait[]>;
  /** Best ranked first, at most `maxPaths`. */
  attackPaths: AttackPath[];
  /** True when the path search hit its work budget and stopped early (see attack-paths.ts). */
  attackPathsTruncated: boolean;
  scores: {
    repositories: Map<number, SecureScore>;
    /** By cloud account id. */
    accounts: Map<string, SecureScore>;
    organization: SecureScore;
  };
}

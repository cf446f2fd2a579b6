import type { Range, ScanError } from '../core/types.js';
import type { FileFormat } from '../engine/file-format.js';
import { emptyPostureModel, type PostureModel } from '../posture/model.js';
import type { IacFamily } from './declared.js';
import type { DockerModel } from './docker.js';
import { emptyKubernetesModel, type KubernetesModel } from './kubernetes.js';
import { DEFAULT_TRUSTED_ACTIONS, type PipelineModel } from './pipeline.js';

export type { DockerInstruction, DockerModel, DockerStage } from './docker.js';
export type { Container, KubernetesModel, Workload } from './kubernetes.js';
export type { PipelineModel } from './pipeline.js';

/** Fields every resource of the neutral model carries. */
export interface Resource {
  /** Stable address: `aws_s3_bucket.logs`, `Resources.LogsBucket`, `Deployment/prod/web`. */
  address: string;
  /** Provider-neutral kind, e.g. `aws.s3.bucket`. */
  kind: string;
  file: string;
  format: FileFormat;
  /** The whole resource block. */
  range: Range;
  /** The header of the resource (its name or type line), where findings about missing settings point. */
  headerRange: Range;
  /** The calling module path for resources inside a Terraform module. */
  modulePath?: string;
}

/**
 * A cloud resource mapped from Terraform, CloudFormation or ARM by a kind definition (model/kinds.ts).
 * Its neutral fields are Attrs set as properties (dotted field names nest), its child collections arrays of
 * entities.
 */
export interface Entity extends Resource {
  /** The provider's type it was mapped from, e.g. `aws_db_instance` or `AWS::RDS::DBInstance`. */
  sourceType: string;
  family: IacFamily;
  refKeys: string[];
  /** For child entities (an ingress rule of a security group): the entity holding it. */
  parent?: Entity;
  /** Addresses of the separate resources that configured this one (`aws_s3_bucket_versioning.x`). */
  attachedBy?: string[];
  [field: string]: unknown;
}

/** Entities by service and collection name: `aws.s3.buckets` is `model.aws.s3.buckets`. */
export type Collections = Record<string, Record<string, Entity[]>>;

/** The provider-neutral model that rules check. Adapters fill it; every collection may be empty. */
export interface Model {
  aws: Collections;
  azure: Collections;
  google: Collections;
  kubernetes: KubernetesModel;
  docker: DockerModel;
  pipeline: PipelineModel;
  /** Repository settings from posture snapshots (`palisade posture`). */
  posture: PostureModel;
  /** Notes and warnings adapters raise about a file without failing it (a setting a snapshot could not read). */
  notes: ScanError[];
  /** Entities by reference key (`aws_s3_bucket.logs`, a logical id) and by `=` plus an identity value. */
  references: Map<string, Entity[]>;
}

/** An empty model. */
export function emptyModel(): Model {
  return {
    aws: {},
    azure: {},
    google: {},
    kubernetes: emptyKubernetesModel(),
    docker: { stages: [] },
    pipeline: { files: [], trustedActions: [...DEFAULT_TRUSTED_ACTIONS] },
    posture: emptyPostureModel(),
    notes: [],
    references: new Map(),
  };
}

/** The entities of a collection (`aws.s3.buckets`), empty when the unit has none. */
export function resources(model: Model, collection: string): Entity[] {
  const [provider, service, name] = collection.split('.');
  if (provider !== 'aws' && provider !== 'azure' && provider !== 'google') return [];
  return model[provider][service ?? '']?.[name ?? ''] ?? [];
}

/** Reads a dotted path (`versioning.enabled`, `containers`) from a model object. */
export function readPath(target: unknown, path: string): unknown {
  let current: unknown = target;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

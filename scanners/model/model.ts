import type { Range } from '../core/types.js';
import type { FileFormat } from '../engine/file-format.js';
import type { Attr } from './attr.js';

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

export interface S3Bucket extends Resource {
  kind: 'aws.s3.bucket';
  name: Attr<string>;
  versioning: { enabled: Attr<boolean>; mfaDelete: Attr<boolean> };
}

export interface Container extends Resource {
  kind: 'kubernetes.container';
  name: Attr<string>;
  image: Attr<string>;
  /** `init`, `regular` or `ephemeral`. */
  role: 'init' | 'regular' | 'ephemeral';
  securityContext: {
    privileged: Attr<boolean>;
    allowPrivilegeEscalation: Attr<boolean>;
    runAsNonRoot: Attr<boolean>;
    readOnlyRootFilesystem: Attr<boolean>;
  };
}

export interface Workload extends Resource {
  kind: 'kubernetes.workload';
  /** Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod, ReplicationController. */
  workloadKind: string;
  name: Attr<string>;
  namespace: Attr<string>;
  hostNetwork: Attr<boolean>;
  hostPID: Attr<boolean>;
  hostIPC: Attr<boolean>;
  containers: Container[];
}

export interface DockerInstruction {
  keyword: string;
  arguments: string;
  range: Range;
}

export interface DockerStage extends Resource {
  kind: 'docker.stage';
  /** The stage name (`AS name`) or its index. */
  name: string;
  baseImage: Attr<string>;
  baseTag: Attr<string>;
  baseDigest: Attr<string>;
  /** True when FROM names an earlier stage or `scratch`, which have no registry tag to pin. */
  baseIsLocal: boolean;
  instructions: DockerInstruction[];
}

/** The provider-neutral model that rules check. Adapters fill it; every collection may be empty. */
export interface Model {
  aws: { s3: { buckets: S3Bucket[] } };
  kubernetes: { workloads: Workload[] };
  docker: { stages: DockerStage[] };
}

/** An empty model. */
export function emptyModel(): Model {
  return { aws: { s3: { buckets: [] } }, kubernetes: { workloads: [] }, docker: { stages: [] } };
}

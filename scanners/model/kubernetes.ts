import type { Attr } from './attr.js';
import type { Resource } from './model.js';

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

/** Kubernetes objects of a unit. */
export interface KubernetesModel {
  workloads: Workload[];
}

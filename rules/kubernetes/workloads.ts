/** Shared by the Kubernetes rules: walking containers and naming them in messages. */
import type { Container, Model, Workload } from '../../scanners/rules/api.js';

export interface ContainerOf {
  workload: Workload;
  container: Container;
}

/** Every container (init, regular, ephemeral) of every workload, with its workload. */
export function containersOf(model: Model): ContainerOf[] {
  return model.kubernetes.workloads.flatMap((workload) =>
    workload.containers.map((container) => ({ workload, container })),
  );
}

/** `container app of Deployment web`, for messages. */
export function describeContainer({ workload, container }: ContainerOf): string {
  return `Container ${container.name.value ?? '?'} of ${describeWorkload(workload)}`;
}

/** `Deployment web`, for messages. */
export function describeWorkload(workload: Workload): string {
  return `${workload.workloadKind} ${workload.name.value ?? '?'}`;
}

/** Controllers that keep pods running, where probes and restarts matter (not Jobs or bare Pods). */
export const LONG_RUNNING_KINDS = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
]);

/** Host paths whose mount gives control of the node or its container runtime. */
const SENSITIVE_HOST_PATHS = [
  '/',
  '/etc',
  '/root',
  '/home',
  '/proc',
  '/sys',
  '/dev',
  '/boot',
  '/var/run',
  '/run',
  '/var/lib/kubelet',
  '/var/lib/docker',
  '/var/lib/containerd',
  '/etc/kubernetes',
];

/** Container runtime sockets, wherever they sit. */
const RUNTIME_SOCKET = /\/(docker|containerd|crio|cri-dockerd|podman)(\/[\w.-]+)?\.sock$/;

/** True for a host path that exposes the node: a sensitive folder itself or a runtime socket. */
export function isSensitiveHostPath(path: string): boolean {
  const normalised = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return SENSITIVE_HOST_PATHS.includes(normalised) || RUNTIME_SOCKET.test(normalised);
}

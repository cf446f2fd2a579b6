import type { Range } from '../core/types.js';
import type { Attr } from './attr.js';
import type { Resource } from './model.js';

/** A Linux capability named in `securityContext.capabilities.add` or `drop`, upper case without `CAP_`. */
export type CapabilityList = Array<Attr<string>>;

/** The effective security context of a container: its own setting, else the pod's, else the default. */
export interface ContainerSecurityContext {
  privileged: Attr<boolean>;
  /** Kubernetes allows escalation unless set to false (and always when privileged or with CAP_SYS_ADMIN). */
  allowPrivilegeEscalation: Attr<boolean>;
  runAsNonRoot: Attr<boolean>;
  /** Unset means the image's user decides. */
  runAsUser: Attr<number>;
  runAsGroup: Attr<number>;
  readOnlyRootFilesystem: Attr<boolean>;
  /** Set when `capabilities` names a list that is not literal (a template), so the lists are incomplete. */
  capabilitiesKnown: boolean;
  capabilitiesAdd: CapabilityList;
  capabilitiesDrop: CapabilityList;
  /** `RuntimeDefault`, `Localhost`, `Unconfined`; unset when neither container nor pod sets it. */
  seccompProfileType: Attr<string>;
  /** From `appArmorProfile.type` or the legacy `container.apparmor.security.beta.kubernetes.io/` annotation. */
  appArmorProfile: Attr<string>;
  seLinuxType: Attr<string>;
  seLinuxUser: Attr<string>;
  seLinuxRole: Attr<string>;
  /** `Default` or `Unmasked`. */
  procMount: Attr<string>;
  windowsHostProcess: Attr<boolean>;
}

export interface ContainerPort {
  containerPort: Attr<number>;
  /** Unset (the default) means no host port. */
  hostPort: Attr<number>;
  range: Range;
}

export interface EnvVar {
  name: Attr<string>;
  /** A literal `value`; undefined when the variable comes from `valueFrom`. */
  value?: Attr<string>;
  /** Set when `valueFrom.secretKeyRef` supplies the value. */
  fromSecret: boolean;
  range: Range;
}

export interface VolumeMount {
  name: Attr<string>;
  mountPath: Attr<string>;
  readOnly: Attr<boolean>;
  /** The pod volume it mounts, when the pod declares it. */
  volume?: Volume;
  range: Range;
}

export interface Container extends Resource {
  kind: 'kubernetes.container';
  name: Attr<string>;
  /** The image reference as written. */
  image: Attr<string>;
  /** Repository part of the image (`registry/name`), without tag or digest. */
  imageRepository: Attr<string>;
  /** The tag; `latest` (defaulted) when the reference has neither tag nor digest. */
  imageTag: Attr<string>;
  /** The `sha256:…` digest; defaulted undefined when absent. */
  imageDigest: Attr<string>;
  /** `Always` for `:latest` or untagged images, else `IfNotPresent`, unless set. */
  imagePullPolicy: Attr<string>;
  /** `init`, `regular` or `ephemeral`. */
  role: 'init' | 'regular' | 'ephemeral';
  securityContext: ContainerSecurityContext;
  resources: {
    requestsCpu: Attr<string>;
    requestsMemory: Attr<string>;
    limitsCpu: Attr<string>;
    limitsMemory: Attr<string>;
  };
  ports: ContainerPort[];
  env: EnvVar[];
  /** Explicit true when the probe is declared, defaulted false when not. */
  livenessProbe: Attr<boolean>;
  readinessProbe: Attr<boolean>;
  volumeMounts: VolumeMount[];
}

export interface Volume {
  name: Attr<string>;
  /** The volume source key: `hostPath`, `emptyDir`, `configMap`, `nfs`, … (`unknown` when none is literal). */
  type: string;
  /** For `hostPath` volumes: the host path. */
  hostPath?: Attr<string>;
  range: Range;
}

export interface Sysctl {
  name: Attr<string>;
  range: Range;
}

export interface Workload extends Resource {
  kind: 'kubernetes.workload';
  /** Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod, ReplicationController. */
  workloadKind: string;
  name: Attr<string>;
  /** `default` (defaulted) when the manifest names none. */
  namespace: Attr<string>;
  hostNetwork: Attr<boolean>;
  hostPID: Attr<boolean>;
  hostIPC: Attr<boolean>;
  shareProcessNamespace: Attr<boolean>;
  /** Explicit true when `hostAliases` is declared. */
  hostAliases: Attr<boolean>;
  /** `default` (defaulted) when unset. */
  serviceAccountName: Attr<string>;
  /** The pod's own setting; defaulted undefined (the service account decides) when unset. */
  automountServiceAccountToken: Attr<boolean>;
  securityContext: {
    runAsNonRoot: Attr<boolean>;
    runAsUser: Attr<number>;
    runAsGroup: Attr<number>;
    fsGroup: Attr<number>;
    supplementalGroups: Attr<number[]>;
    seccompProfileType: Attr<string>;
    sysctls: Sysctl[];
  };
  volumes: Volume[];
  containers: Container[];
}

/** One `rules` entry of a Role or ClusterRole. Lists are unresolvable when not literal. */
export interface PolicyRule {
  apiGroups: Attr<string[]>;
  resources: Attr<string[]>;
  verbs: Attr<string[]>;
  resourceNames: Attr<string[]>;
  nonResourceURLs: Attr<string[]>;
  range: Range;
}

export interface Role extends Resource {
  kind: 'kubernetes.role';
  roleKind: 'Role' | 'ClusterRole';
  name: Attr<string>;
  /** Defaulted `default` for a Role; undefined for a ClusterRole. */
  namespace: Attr<string>;
  rules: PolicyRule[];
}

export interface Subject {
  kind: Attr<string>;
  name: Attr<string>;
  /** For service accounts: their namespace, defaulting to the binding's. */
  namespace: Attr<string>;
  range: Range;
}

export interface RoleBinding extends Resource {
  kind: 'kubernetes.role-binding';
  bindingKind: 'RoleBinding' | 'ClusterRoleBinding';
  name: Attr<string>;
  namespace: Attr<string>;
  roleRefKind: Attr<string>;
  roleRefName: Attr<string>;
  subjects: Subject[];
}

export interface ServiceAccount extends Resource {
  kind: 'kubernetes.service-account';
  name: Attr<string>;
  namespace: Attr<string>;
  /** Kubernetes mounts the token unless this is false: defaulted true. */
  automountServiceAccountToken: Attr<boolean>;
}

export interface ServicePort {
  port: Attr<number>;
  nodePort: Attr<number>;
  range: Range;
}

export interface Service extends Resource {
  kind: 'kubernetes.service';
  name: Attr<string>;
  namespace: Attr<string>;
  /** `ClusterIP` (defaulted), `NodePort`, `LoadBalancer`, `ExternalName`. */
  type: Attr<string>;
  /** Defaulted to an empty list when unset. */
  loadBalancerSourceRanges: Attr<string[]>;
  externalIPs: Attr<string[]>;
  /** True when a cloud annotation asks for an internal load balancer. */
  internalLoadBalancer: boolean;
  ports: ServicePort[];
}

export interface Ingress extends Resource {
  kind: 'kubernetes.ingress';
  name: Attr<string>;
  namespace: Attr<string>;
  /** Explicit true when `spec.tls` lists at least one entry, defaulted false when absent or empty. */
  tls: Attr<boolean>;
}

export interface NetworkPolicy extends Resource {
  kind: 'kubernetes.network-policy';
  name: Attr<string>;
  namespace: Attr<string>;
}

export interface Namespace extends Resource {
  kind: 'kubernetes.namespace';
  name: Attr<string>;
  labels: Map<string, string>;
}

/** Kubernetes objects of a unit. */
export interface KubernetesModel {
  workloads: Workload[];
  roles: Role[];
  roleBindings: RoleBinding[];
  serviceAccounts: ServiceAccount[];
  services: Service[];
  ingresses: Ingress[];
  networkPolicies: NetworkPolicy[];
  namespaces: Namespace[];
}

/** An empty Kubernetes model. */
export function emptyKubernetesModel(): KubernetesModel {
  return {
    workloads: [],
    roles: [],
    roleBindings: [],
    serviceAccounts: [],
    services: [],
    ingresses: [],
    networkPolicies: [],
    namespaces: [],
  };
}

/** Appends every collection of `from` to `into`. */
export function mergeKubernetesModel(into: KubernetesModel, from: KubernetesModel): void {
  into.workloads.push(...from.workloads);
  into.roles.push(...from.roles);
  into.roleBindings.push(...from.roleBindings);
  into.serviceAccounts.push(...from.serviceAccounts);
  into.services.push(...from.services);
  into.ingresses.push(...from.ingresses);
  into.networkPolicies.push(...from.networkPolicies);
  into.namespaces.push(...from.namespaces);
}

import type { Range } from '../core/types.js';
import { type Attr, defaulted, explicit, unresolvable } from '../model/attr.js';
import type {
  ContainerPort,
  ContainerSecurityContext,
  EnvVar,
  Ingress,
  Namespace,
  NetworkPolicy,
  PolicyRule,
  Role,
  RoleBinding,
  Service,
  ServiceAccount,
  Subject,
  Sysctl,
  Volume,
  VolumeMount,
} from '../model/kubernetes.js';
import type { Container, Model, Workload } from '../model/model.js';
import type { SourceFile } from '../parsers/source-file.js';
import { at, child, entry, scalar, type TreeNode } from '../parsers/tree.js';
import { boolAttr, type ScalarResolver, stringAttr } from './values.js';

/** Where each workload kind keeps its pod template (the pod spec is its `spec`, the annotations its `metadata`). */
// A Map, not an object: `kind` comes from the file, and `kind: constructor` must find nothing.
const POD_TEMPLATE_PATH = new Map<string, string[]>([
  ['Pod', []],
  ['Deployment', ['spec', 'template']],
  ['StatefulSet', ['spec', 'template']],
  ['DaemonSet', ['spec', 'template']],
  ['ReplicaSet', ['spec', 'template']],
  ['ReplicationController', ['spec', 'template']],
  ['Job', ['spec', 'template']],
  ['CronJob', ['spec', 'jobTemplate', 'spec', 'template']],
]);

const CONTAINER_LISTS = [
  ['initContainers', 'init'],
  ['containers', 'regular'],
  ['ephemeralContainers', 'ephemeral'],
] as const;

/** Annotations that make a LoadBalancer Service internal to the cloud network, with the value that does. */
const INTERNAL_LB_ANNOTATIONS = new Map<string, RegExp>([
  ['service.beta.kubernetes.io/aws-load-balancer-internal', /^(true|0\.0\.0\.0\/0)$/i],
  ['service.beta.kubernetes.io/aws-load-balancer-scheme', /^internal$/i],
  ['networking.gke.io/load-balancer-type', /^internal$/i],
  ['cloud.google.com/load-balancer-type', /^internal$/i],
  ['service.beta.kubernetes.io/azure-load-balancer-internal', /^true$/i],
  ['service.beta.kubernetes.io/oci-load-balancer-internal', /^true$/i],
  ['service.beta.kubernetes.io/openstack-internal-load-balancer', /^true$/i],
  ['service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type', /^private$/i],
]);

const APPARMOR_ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';

/** Literal scalars are known; template placeholders (Helm `{{ }}`, `${VAR}` substitution) are not. */
const manifestResolver: ScalarResolver = (node) => {
  if (node.kind !== 'scalar' || node.tag) return { known: false };
  if (typeof node.value === 'string' && /\{\{|\$\{/.test(node.value)) return { known: false };
  return { known: true, value: node.value };
};

const str = (node: TreeNode | undefined, fallback: string | undefined, header: Range, path: string) =>
  stringAttr(node, fallback, header, path, manifestResolver);
const bool = (node: TreeNode | undefined, fallback: boolean | undefined, header: Range, path: string) =>
  boolAttr(node, fallback, header, path, manifestResolver);

/** An integer attribute; strings (even numeric ones) are not valid integers in a manifest. */
function int(
  node: TreeNode | undefined,
  fallback: number | undefined,
  header: Range,
  path: string,
): Attr<number> {
  if (!node) return defaulted(fallback, header, path);
  const resolved = manifestResolver(node);
  if (resolved.known && typeof resolved.value === 'number') return explicit(resolved.value, node.range, path);
  return unresolvable(node.range, path);
}

/** A list of literal strings; unresolvable when the list or any item is not literal. */
function stringList(
  node: TreeNode | undefined,
  fallback: string[] | undefined,
  header: Range,
  path: string,
): Attr<string[]> {
  if (!node || (node.kind === 'scalar' && node.value === null)) return defaulted(fallback, header, path);
  if (node.kind !== 'seq') return unresolvable(node.range, path);
  const values: string[] = [];
  for (const item of node.items) {
    const resolved = manifestResolver(item);
    if (!resolved.known || resolved.value === null || typeof resolved.value === 'object')
      return unresolvable(node.range, path);
    values.push(String(resolved.value));
  }
  return explicit(values, node.range, path);
}

/** A container's own setting when it has one, else the pod's, else the default at the container header. */
function inherit<T>(own: Attr<T>, pod: Attr<T>, fallback: T | undefined, header: Range): Attr<T> {
  if (own.origin !== 'default') return own;
  if (pod.origin !== 'default') return pod;
  return defaulted(fallback, header, own.path);
}

function seqItems(node: TreeNode | undefined): TreeNode[] {
  return node?.kind === 'seq' ? node.items : [];
}

/** The map items of a list of objects (containers, volumes, rules): anything else describes nothing. */
function mapItems(node: TreeNode | undefined): TreeNode[] {
  return seqItems(node).filter((item) => item.kind === 'map');
}

function stringMap(node: TreeNode | undefined): Map<string, string> {
  const map = new Map<string, string>();
  if (node?.kind !== 'map') return map;
  for (const e of node.entries) {
    const value = scalar(e.value);
    if (value !== undefined && value !== null) map.set(e.key, String(value));
  }
  return map;
}

/** Adds the Kubernetes objects of a manifest (every document of the stream) to the model. */
export function adaptKubernetes(file: SourceFile, model: Model): void {
  for (const { tree } of file.documents) {
    for (const manifest of listItems(tree)) {
      const kind = scalar(child(manifest, 'kind'));
      if (typeof kind !== 'string') continue;
      const templatePath = POD_TEMPLATE_PATH.get(kind);
      if (templatePath) {
        const template = templatePath.length ? at(manifest, ...templatePath) : manifest;
        model.kubernetes.workloads.push(workload(file, manifest, kind, template));
        continue;
      }
      const k8s = model.kubernetes;
      switch (kind) {
        case 'Role':
        case 'ClusterRole':
          k8s.roles.push(role(file, manifest, kind));
          break;
        case 'RoleBinding':
        case 'ClusterRoleBinding':
          k8s.roleBindings.push(roleBinding(file, manifest, kind));
          break;
        case 'ServiceAccount':
          k8s.serviceAccounts.push(serviceAccount(file, manifest));
          break;
        case 'Service':
          k8s.services.push(service(file, manifest));
          break;
        case 'Ingress':
          k8s.ingresses.push(ingress(file, manifest));
          break;
        case 'NetworkPolicy':
          k8s.networkPolicies.push(networkPolicy(file, manifest));
          break;
        case 'Namespace':
          k8s.namespaces.push(namespaceObject(file, manifest));
          break;
      }
    }
  }
}

/** A `kind: List` holds manifests in `items`; any other document is one manifest. */
function listItems(tree: TreeNode | undefined): TreeNode[] {
  if (!tree) return [];
  const items = child(tree, 'items');
  return scalar(child(tree, 'kind')) === 'List' && items?.kind === 'seq' ? items.items : [tree];
}

interface Header {
  base: { file: string; format: SourceFile['format']; range: Range; headerRange: Range };
  header: Range;
  name: Attr<string>;
  namespace: Attr<string>;
  address: string;
}

/** Name, namespace, address and location shared by every object. */
function objectHeader(file: SourceFile, manifest: TreeNode, kind: string, namespaced: boolean): Header {
  const metadata = child(manifest, 'metadata');
  const header = entry(metadata, 'name')?.value.range ?? entry(manifest, 'kind')?.keyRange ?? manifest.range;
  const name = str(child(metadata, 'name'), undefined, header, 'metadata.name');
  const namespace = namespaced
    ? str(child(metadata, 'namespace'), 'default', header, 'metadata.namespace')
    : defaulted<string>(undefined, header, 'metadata.namespace');
  const address = namespaced
    ? `${kind}/${namespace.value ?? '?'}/${name.value ?? '?'}`
    : `${kind}/${name.value ?? '?'}`;
  return {
    base: { file: file.path, format: file.format, range: manifest.range, headerRange: header },
    header,
    name,
    namespace,
    address,
  };
}

function workload(
  file: SourceFile,
  manifest: TreeNode,
  kind: string,
  template: TreeNode | undefined,
): Workload {
  const { base, header, name, namespace, address } = objectHeader(file, manifest, kind, true);
  const podSpec = child(template, 'spec');
  const annotations = stringMap(at(template, 'metadata', 'annotations'));
  const podSecurity = child(podSpec, 'securityContext');
  const podCtx = podSecurityContext(podSecurity, header);
  const volumes = mapItems(child(podSpec, 'volumes')).map((item) => volume(item, header));
  const hostAliases = entry(podSpec, 'hostAliases');
  const automount = bool(
    child(podSpec, 'automountServiceAccountToken'),
    undefined,
    header,
    'spec.automountServiceAccountToken',
  );
  return {
    ...base,
    kind: 'kubernetes.workload',
    address,
    workloadKind: kind,
    name,
    namespace,
    hostNetwork: bool(child(podSpec, 'hostNetwork'), false, header, 'spec.hostNetwork'),
    hostPID: bool(child(podSpec, 'hostPID'), false, header, 'spec.hostPID'),
    hostIPC: bool(child(podSpec, 'hostIPC'), false, header, 'spec.hostIPC'),
    shareProcessNamespace: bool(
      child(podSpec, 'shareProcessNamespace'),
      false,
      header,
      'spec.shareProcessNamespace',
    ),
    hostAliases:
      hostAliases && seqItems(hostAliases.value).length
        ? explicit(true, hostAliases.keyRange, 'spec.hostAliases')
        : defaulted(false, header, 'spec.hostAliases'),
    serviceAccountName: str(
      child(podSpec, 'serviceAccountName') ?? child(podSpec, 'serviceAccount'),
      'default',
      header,
      'spec.serviceAccountName',
    ),
    automountServiceAccountToken: automount,
    securityContext: podCtx,
    volumes,
    containers: CONTAINER_LISTS.flatMap(([list, role]) =>
      mapItems(child(podSpec, list)).map((item, index) =>
        container(file, address, item, role, `${list}[${index}]`, podSecurity, annotations, volumes),
      ),
    ),
  };
}

function podSecurityContext(security: TreeNode | undefined, header: Range): Workload['securityContext'] {
  const path = (key: string) => `spec.securityContext.${key}`;
  return {
    runAsNonRoot: bool(child(security, 'runAsNonRoot'), undefined, header, path('runAsNonRoot')),
    runAsUser: int(child(security, 'runAsUser'), undefined, header, path('runAsUser')),
    runAsGroup: int(child(security, 'runAsGroup'), undefined, header, path('runAsGroup')),
    fsGroup: int(child(security, 'fsGroup'), undefined, header, path('fsGroup')),
    supplementalGroups: intList(child(security, 'supplementalGroups'), header, path('supplementalGroups')),
    seccompProfileType: str(
      at(security, 'seccompProfile', 'type'),
      undefined,
      header,
      path('seccompProfile'),
    ),
    sysctls: mapItems(child(security, 'sysctls')).map(
      (item): Sysctl => ({
        name: str(child(item, 'name'), undefined, item.range, 'name'),
        range: item.range,
      }),
    ),
  };
}

function intList(node: TreeNode | undefined, header: Range, path: string): Attr<number[]> {
  if (!node) return defaulted<number[]>(undefined, header, path);
  if (node.kind !== 'seq') return unresolvable(node.range, path);
  const values: number[] = [];
  for (const item of node.items) {
    const value = int(item, undefined, item.range, path);
    if (value.origin !== 'explicit' || value.value === undefined) return unresolvable(node.range, path);
    values.push(value.value);
  }
  return explicit(values, node.range, path);
}

function volume(node: TreeNode, header: Range): Volume {
  const source = node.kind === 'map' ? node.entries.find((e) => e.key !== 'name') : undefined;
  const type = source?.key ?? 'unknown';
  return {
    name: str(child(node, 'name'), undefined, header, 'name'),
    type,
    ...(type === 'hostPath'
      ? { hostPath: str(at(node, 'hostPath', 'path'), undefined, node.range, 'hostPath.path') }
      : {}),
    range: node.range,
  };
}

function container(
  file: SourceFile,
  workloadAddress: string,
  node: TreeNode,
  role: Container['role'],
  fallbackName: string,
  podSecurity: TreeNode | undefined,
  annotations: Map<string, string>,
  volumes: Volume[],
): Container {
  const nameNode = child(node, 'name');
  const header: Range = nameNode?.range ?? node.range;
  const name = str(nameNode, undefined, header, 'name');
  const image = str(child(node, 'image'), undefined, header, 'image');
  const reference = imageReference(image, header);
  const resources = child(node, 'resources');
  const quantity = (group: string, key: string) =>
    str(at(resources, group, key), undefined, header, `resources.${group}.${key}`);
  const probe = (key: string): Attr<boolean> => {
    const found = entry(node, key);
    return found ? explicit(true, found.keyRange, key) : defaulted(false, header, key);
  };
  const pullPolicyDefault =
    reference.imageDigest.value === undefined && reference.imageTag.value === 'latest'
      ? 'Always'
      : 'IfNotPresent';
  const known = isKnownImage(image);
  return {
    kind: 'kubernetes.container',
    address: `${workloadAddress}/${name.value ?? fallbackName}`,
    file: file.path,
    format: file.format,
    range: node.range,
    headerRange: header,
    name,
    image,
    ...reference,
    imagePullPolicy: known
      ? str(child(node, 'imagePullPolicy'), pullPolicyDefault, header, 'imagePullPolicy')
      : str(child(node, 'imagePullPolicy'), undefined, header, 'imagePullPolicy'),
    role,
    securityContext: containerSecurityContext(child(node, 'securityContext'), podSecurity, header, {
      containerName: name.value,
      annotations,
    }),
    resources: {
      requestsCpu: quantity('requests', 'cpu'),
      requestsMemory: quantity('requests', 'memory'),
      limitsCpu: quantity('limits', 'cpu'),
      limitsMemory: quantity('limits', 'memory'),
    },
    ports: mapItems(child(node, 'ports')).map(
      (item): ContainerPort => ({
        containerPort: int(child(item, 'containerPort'), undefined, item.range, 'containerPort'),
        hostPort: int(child(item, 'hostPort'), undefined, item.range, 'hostPort'),
        range: item.range,
      }),
    ),
    env: mapItems(child(node, 'env')).map((item) => envVar(item)),
    livenessProbe: probe('livenessProbe'),
    readinessProbe: probe('readinessProbe'),
    volumeMounts: mapItems(child(node, 'volumeMounts')).map((item): VolumeMount => {
      const mountName = str(child(item, 'name'), undefined, item.range, 'name');
      const target = volumes.find((v) => v.name.value !== undefined && v.name.value === mountName.value);
      return {
        name: mountName,
        mountPath: str(child(item, 'mountPath'), undefined, item.range, 'mountPath'),
        readOnly: bool(child(item, 'readOnly'), false, item.range, 'readOnly'),
        ...(target ? { volume: target } : {}),
        range: item.range,
      };
    }),
  };
}

function isKnownImage(image: Attr<string>): boolean {
  return image.origin === 'explicit' && typeof image.value === 'string' && image.value.length > 0;
}

/** Splits `registry:5000/team/app:1.2@sha256:…` into repository, tag and digest. */
function imageReference(
  image: Attr<string>,
  header: Range,
): Pick<Container, 'imageRepository' | 'imageTag' | 'imageDigest'> {
  if (!isKnownImage(image)) {
    const unknown = <T>(path: string): Attr<T> =>
      image.origin === 'unresolvable'
        ? unresolvable(image.range, path)
        : defaulted<T>(undefined, header, path);
    return {
      imageRepository: unknown('image.repository'),
      imageTag: unknown('image.tag'),
      imageDigest: unknown('image.digest'),
    };
  }
  const reference = image.value as string;
  const at = image.range;
  const [withTag = '', digest] = reference.split('@', 2);
  const lastSlash = withTag.lastIndexOf('/');
  const colon = withTag.lastIndexOf(':');
  const hasTag = colon > lastSlash;
  const repository = hasTag ? withTag.slice(0, colon) : withTag;
  const tag = hasTag ? withTag.slice(colon + 1) : undefined;
  return {
    imageRepository: explicit(repository, at, 'image.repository'),
    // With a digest and no tag, the digest decides: no tag is implied.
    imageTag: tag
      ? explicit(tag, at, 'image.tag')
      : digest
        ? defaulted<string>(undefined, at, 'image.tag')
        : defaulted('latest', at, 'image.tag'),
    imageDigest: digest
      ? explicit(digest, at, 'image.digest')
      : defaulted<string>(undefined, at, 'image.digest'),
  };
}

function containerSecurityContext(
  security: TreeNode | undefined,
  podSecurity: TreeNode | undefined,
  header: Range,
  context: { containerName: string | undefined; annotations: Map<string, string> },
): ContainerSecurityContext {
  const own = (key: string) => `securityContext.${key}`;
  const pod = (key: string) => `spec.securityContext.${key}`;
  const inheritedBool = (key: string, fallback: boolean | undefined) =>
    inherit(
      bool(child(security, key), undefined, header, own(key)),
      bool(child(podSecurity, key), undefined, header, pod(key)),
      fallback,
      header,
    );
  const inheritedInt = (key: string) =>
    inherit(
      int(child(security, key), undefined, header, own(key)),
      int(child(podSecurity, key), undefined, header, pod(key)),
      undefined,
      header,
    );
  const inheritedString = (path: string[], key: string) =>
    inherit(
      str(at(security, ...path), undefined, header, own(key)),
      str(at(podSecurity, ...path), undefined, header, pod(key)),
      undefined,
      header,
    );
  const capabilities = child(security, 'capabilities');
  const capabilityList = (key: 'add' | 'drop') => {
    const list = child(capabilities, key);
    if (!list) return { known: true, items: [] };
    if (list.kind !== 'seq') return { known: false, items: [] };
    const items: Array<Attr<string>> = [];
    let known = true;
    for (const item of list.items) {
      const value = str(item, undefined, item.range, `securityContext.capabilities.${key}`);
      if (value.origin !== 'explicit' || value.value === undefined) known = false;
      else items.push({ ...value, value: value.value.toUpperCase().replace(/^CAP_/, '') });
    }
    return { known, items };
  };
  const added = capabilityList('add');
  const dropped = capabilityList('drop');
  const privileged = bool(child(security, 'privileged'), false, header, own('privileged'));
  const escalation = bool(
    child(security, 'allowPrivilegeEscalation'),
    true,
    header,
    own('allowPrivilegeEscalation'),
  );
  return {
    privileged,
    allowPrivilegeEscalation: escalation,
    runAsNonRoot: inheritedBool('runAsNonRoot', false),
    runAsUser: inheritedInt('runAsUser'),
    runAsGroup: inheritedInt('runAsGroup'),
    readOnlyRootFilesystem: bool(
      child(security, 'readOnlyRootFilesystem'),
      false,
      header,
      own('readOnlyRootFilesystem'),
    ),
    capabilitiesKnown: added.known && dropped.known && (!capabilities || capabilities.kind === 'map'),
    capabilitiesAdd: added.items,
    capabilitiesDrop: dropped.items,
    seccompProfileType: inheritedString(['seccompProfile', 'type'], 'seccompProfile.type'),
    appArmorProfile: appArmor(security, podSecurity, header, context),
    seLinuxType: inheritedString(['seLinuxOptions', 'type'], 'seLinuxOptions.type'),
    seLinuxUser: inheritedString(['seLinuxOptions', 'user'], 'seLinuxOptions.user'),
    seLinuxRole: inheritedString(['seLinuxOptions', 'role'], 'seLinuxOptions.role'),
    procMount: str(child(security, 'procMount'), 'Default', header, own('procMount')),
    windowsHostProcess: inherit(
      bool(
        at(security, 'windowsOptions', 'hostProcess'),
        undefined,
        header,
        own('windowsOptions.hostProcess'),
      ),
      bool(
        at(podSecurity, 'windowsOptions', 'hostProcess'),
        undefined,
        header,
        pod('windowsOptions.hostProcess'),
      ),
      false,
      header,
    ),
  };
}

/** The AppArmor profile type: the field (container, then pod), else the legacy per-container annotation. */
function appArmor(
  security: TreeNode | undefined,
  podSecurity: TreeNode | undefined,
  header: Range,
  context: { containerName: string | undefined; annotations: Map<string, string> },
): Attr<string> {
  const fromField = inherit(
    str(at(security, 'appArmorProfile', 'type'), undefined, header, 'securityContext.appArmorProfile.type'),
    str(
      at(podSecurity, 'appArmorProfile', 'type'),
      undefined,
      header,
      'spec.securityContext.appArmorProfile.type',
    ),
    undefined,
    header,
  );
  if (fromField.origin !== 'default' || context.containerName === undefined) return fromField;
  const annotation = context.annotations.get(`${APPARMOR_ANNOTATION}${context.containerName}`);
  if (annotation === undefined) return fromField;
  // The annotation spells the profile `unconfined`, `runtime/default` or `localhost/<name>`.
  const type =
    annotation === 'unconfined'
      ? 'Unconfined'
      : annotation === 'runtime/default'
        ? 'RuntimeDefault'
        : annotation.startsWith('localhost/')
          ? 'Localhost'
          : annotation;
  return explicit(type, header, 'metadata.annotations.apparmor');
}

function envVar(node: TreeNode): EnvVar {
  const valueNode = child(node, 'value');
  return {
    name: str(child(node, 'name'), undefined, node.range, 'name'),
    ...(valueNode ? { value: str(valueNode, undefined, node.range, 'value') } : {}),
    fromSecret: at(node, 'valueFrom', 'secretKeyRef') !== undefined,
    range: node.range,
  };
}

function role(file: SourceFile, manifest: TreeNode, kind: 'Role' | 'ClusterRole'): Role {
  const { base, name, namespace, address } = objectHeader(file, manifest, kind, kind === 'Role');
  return {
    ...base,
    kind: 'kubernetes.role',
    address,
    roleKind: kind,
    name,
    namespace,
    rules: mapItems(child(manifest, 'rules')).map(
      (item): PolicyRule => ({
        apiGroups: stringList(child(item, 'apiGroups'), [], item.range, 'apiGroups'),
        resources: stringList(child(item, 'resources'), [], item.range, 'resources'),
        verbs: stringList(child(item, 'verbs'), [], item.range, 'verbs'),
        resourceNames: stringList(child(item, 'resourceNames'), [], item.range, 'resourceNames'),
        nonResourceURLs: stringList(child(item, 'nonResourceURLs'), [], item.range, 'nonResourceURLs'),
        range: item.range,
      }),
    ),
  };
}

function roleBinding(
  file: SourceFile,
  manifest: TreeNode,
  kind: 'RoleBinding' | 'ClusterRoleBinding',
): RoleBinding {
  const namespaced = kind === 'RoleBinding';
  const { base, header, name, namespace, address } = objectHeader(file, manifest, kind, namespaced);
  const roleRef = child(manifest, 'roleRef');
  return {
    ...base,
    kind: 'kubernetes.role-binding',
    address,
    bindingKind: kind,
    name,
    namespace,
    roleRefKind: str(child(roleRef, 'kind'), undefined, header, 'roleRef.kind'),
    roleRefName: str(child(roleRef, 'name'), undefined, header, 'roleRef.name'),
    subjects: mapItems(child(manifest, 'subjects')).map(
      (item): Subject => ({
        kind: str(child(item, 'kind'), undefined, item.range, 'kind'),
        name: str(child(item, 'name'), undefined, item.range, 'name'),
        namespace: namespaced
          ? inherit(
              str(child(item, 'namespace'), undefined, item.range, 'namespace'),
              namespace,
              undefined,
              item.range,
            )
          : str(child(item, 'namespace'), undefined, item.range, 'namespace'),
        range: item.range,
      }),
    ),
  };
}

function serviceAccount(file: SourceFile, manifest: TreeNode): ServiceAccount {
  const { base, header, name, namespace, address } = objectHeader(file, manifest, 'ServiceAccount', true);
  return {
    ...base,
    kind: 'kubernetes.service-account',
    address,
    name,
    namespace,
    automountServiceAccountToken: bool(
      child(manifest, 'automountServiceAccountToken'),
      true,
      header,
      'automountServiceAccountToken',
    ),
  };
}

function service(file: SourceFile, manifest: TreeNode): Service {
  const { base, header, name, namespace, address } = objectHeader(file, manifest, 'Service', true);
  const spec = child(manifest, 'spec');
  const annotations = at(manifest, 'metadata', 'annotations');
  const internalLoadBalancer =
    annotations?.kind === 'map' &&
    annotations.entries.some((e) => {
      const pattern = INTERNAL_LB_ANNOTATIONS.get(e.key);
      if (!pattern) return false;
      const value = manifestResolver(e.value);
      // A templated value may well make it internal: stay quiet.
      return !value.known || pattern.test(String(value.value));
    });
  return {
    ...base,
    kind: 'kubernetes.service',
    address,
    name,
    namespace,
    type: str(child(spec, 'type'), 'ClusterIP', header, 'spec.type'),
    loadBalancerSourceRanges: stringList(
      child(spec, 'loadBalancerSourceRanges'),
      [],
      header,
      'spec.loadBalancerSourceRanges',
    ),
    externalIPs: stringList(child(spec, 'externalIPs'), [], header, 'spec.externalIPs'),
    internalLoadBalancer,
    ports: mapItems(child(spec, 'ports')).map((item) => ({
      port: int(child(item, 'port'), undefined, item.range, 'port'),
      nodePort: int(child(item, 'nodePort'), undefined, item.range, 'nodePort'),
      range: item.range,
    })),
  };
}

function ingress(file: SourceFile, manifest: TreeNode): Ingress {
  const { base, header, name, namespace, address } = objectHeader(file, manifest, 'Ingress', true);
  const tls = entry(child(manifest, 'spec'), 'tls');
  let tlsAttr: Attr<boolean>;
  if (!tls || (tls.value.kind === 'scalar' && tls.value.value === null))
    tlsAttr = defaulted(false, header, 'spec.tls');
  else if (tls.value.kind === 'seq') tlsAttr = explicit(tls.value.items.length > 0, tls.keyRange, 'spec.tls');
  else tlsAttr = unresolvable(tls.value.range, 'spec.tls');
  return { ...base, kind: 'kubernetes.ingress', address, name, namespace, tls: tlsAttr };
}

function networkPolicy(file: SourceFile, manifest: TreeNode): NetworkPolicy {
  const { base, name, namespace, address } = objectHeader(file, manifest, 'NetworkPolicy', true);
  return { ...base, kind: 'kubernetes.network-policy', address, name, namespace };
}

function namespaceObject(file: SourceFile, manifest: TreeNode): Namespace {
  const { base, name, address } = objectHeader(file, manifest, 'Namespace', false);
  return {
    ...base,
    kind: 'kubernetes.namespace',
    address,
    name,
    labels: stringMap(at(manifest, 'metadata', 'labels')),
  };
}

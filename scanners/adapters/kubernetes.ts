import type { Range } from '../core/types.js';
import type { Container, Model, Workload } from '../model/model.js';
import type { SourceFile } from '../parsers/source-file.js';
import { at, child, entry, scalar, type TreeNode } from '../parsers/tree.js';
import { boolAttr, stringAttr } from './values.js';

/** Where each workload kind keeps its pod spec. */
// A Map, not an object: `kind` comes from the file, and `kind: constructor` must find nothing.
const POD_SPEC_PATH = new Map<string, string[]>([
  ['Pod', ['spec']],
  ['Deployment', ['spec', 'template', 'spec']],
  ['StatefulSet', ['spec', 'template', 'spec']],
  ['DaemonSet', ['spec', 'template', 'spec']],
  ['ReplicaSet', ['spec', 'template', 'spec']],
  ['ReplicationController', ['spec', 'template', 'spec']],
  ['Job', ['spec', 'template', 'spec']],
  ['CronJob', ['spec', 'jobTemplate', 'spec', 'template', 'spec']],
]);

const CONTAINER_LISTS = [
  ['initContainers', 'init'],
  ['containers', 'regular'],
  ['ephemeralContainers', 'ephemeral'],
] as const;

/** Adds the workloads of a Kubernetes manifest (every document of the stream) to the model. */
export function adaptKubernetes(file: SourceFile, model: Model): void {
  for (const { tree } of file.documents) {
    for (const manifest of listItems(tree)) {
      const kind = scalar(child(manifest, 'kind'));
      const podSpecPath = typeof kind === 'string' ? POD_SPEC_PATH.get(kind) : undefined;
      if (!podSpecPath || typeof kind !== 'string') continue;
      model.kubernetes.workloads.push(workload(file, manifest, kind, at(manifest, ...podSpecPath)));
    }
  }
}

/** A `kind: List` holds manifests in `items`; any other document is one manifest. */
function listItems(tree: TreeNode | undefined): TreeNode[] {
  if (!tree) return [];
  const items = child(tree, 'items');
  return scalar(child(tree, 'kind')) === 'List' && items?.kind === 'seq' ? items.items : [tree];
}

function workload(
  file: SourceFile,
  manifest: TreeNode,
  kind: string,
  podSpec: TreeNode | undefined,
): Workload {
  const metadata = child(manifest, 'metadata');
  const header = entry(metadata, 'name')?.value.range ?? entry(manifest, 'kind')?.keyRange ?? manifest.range;
  const name = stringAttr(child(metadata, 'name'), undefined, header, 'metadata.name');
  const namespace = stringAttr(child(metadata, 'namespace'), 'default', header, 'metadata.namespace');
  const address = `${kind}/${namespace.value ?? '?'}/${name.value ?? '?'}`;
  const base = { file: file.path, format: file.format, range: manifest.range, headerRange: header };
  return {
    ...base,
    kind: 'kubernetes.workload',
    address,
    workloadKind: kind,
    name,
    namespace,
    hostNetwork: boolAttr(child(podSpec, 'hostNetwork'), false, header, 'spec.hostNetwork'),
    hostPID: boolAttr(child(podSpec, 'hostPID'), false, header, 'spec.hostPID'),
    hostIPC: boolAttr(child(podSpec, 'hostIPC'), false, header, 'spec.hostIPC'),
    containers: CONTAINER_LISTS.flatMap(([list, role]) => {
      const items = child(podSpec, list);
      if (items?.kind !== 'seq') return [];
      return items.items.map((item, index) => container(file, address, item, role, `${list}[${index}]`));
    }),
  };
}

function container(
  file: SourceFile,
  workloadAddress: string,
  node: TreeNode,
  role: Container['role'],
  fallbackName: string,
): Container {
  const nameNode = child(node, 'name');
  const header: Range = nameNode?.range ?? node.range;
  const name = stringAttr(nameNode, undefined, header, 'name');
  const security = child(node, 'securityContext');
  const ctx = (key: string, fallback: boolean | undefined) =>
    boolAttr(child(security, key), fallback, header, `securityContext.${key}`);
  return {
    kind: 'kubernetes.container',
    address: `${workloadAddress}/${name.value ?? fallbackName}`,
    file: file.path,
    format: file.format,
    range: node.range,
    headerRange: header,
    name,
    image: stringAttr(child(node, 'image'), undefined, header, 'image'),
    role,
    securityContext: {
      privileged: ctx('privileged', false),
      allowPrivilegeEscalation: ctx('allowPrivilegeEscalation', true),
      runAsNonRoot: ctx('runAsNonRoot', false),
      readOnlyRootFilesystem: ctx('readOnlyRootFilesystem', false),
    },
  };
}

import type { DeclaredResource } from '../model/declared.js';
import type { SourceFile } from '../parsers/source-file.js';
import { child, type MapNode, scalar, type TreeNode } from '../parsers/tree.js';

/** The resources of a CloudFormation (or SAM) template, with `Properties` evaluated. */
export function declareCloudFormation(file: SourceFile): DeclaredResource[] {
  const declared: DeclaredResource[] = [];
  for (const { tree } of file.documents) {
    const resources = child(tree, 'Resources');
    if (!tree || resources?.kind !== 'map') continue;
    const logicalIds = new Set(resources.entries.map((e) => e.key));
    const evaluate = evaluator(tree, logicalIds);
    for (const resource of resources.entries) {
      const type = scalar(child(resource.value, 'Type'));
      if (typeof type !== 'string') continue;
      const properties = child(resource.value, 'Properties');
      const body = properties ? evaluate(properties) : undefined;
      declared.push({
        family: 'cloudformation',
        type,
        address: `Resources.${resource.key}`,
        file: file.path,
        range: {
          ...resource.keyRange,
          endLine: resource.value.range.endLine,
          endColumn: resource.value.range.endColumn,
        },
        headerRange: resource.keyRange,
        body: body?.kind === 'map' ? body : { kind: 'map', entries: [], range: resource.value.range },
        refKeys: [resource.key],
      });
    }
  }
  return declared;
}

/**
 * Evaluates a property tree: `Ref` to a parameter gives its default, `Ref` and `GetAtt` to a resource
 * give an unknown value that refers to it, and other intrinsic functions are unknown.
 */
function evaluator(template: TreeNode, logicalIds: Set<string>): (node: TreeNode) => TreeNode {
  const parameters = child(template, 'Parameters');
  const evaluate = (node: TreeNode): TreeNode => {
    const intrinsic = intrinsicOf(node);
    if (intrinsic) {
      const { name, argument } = intrinsic;
      if (name === 'Ref') {
        const target = scalar(argument);
        if (typeof target === 'string' && logicalIds.has(target))
          return { kind: 'unknown', range: node.range, refs: [target] };
        const fallback = typeof target === 'string' ? child(child(parameters, target), 'Default') : undefined;
        if (fallback?.kind === 'scalar') return { ...fallback, range: node.range };
        return { kind: 'unknown', range: node.range };
      }
      if (name === 'GetAtt') {
        const target =
          argument.kind === 'seq' ? scalar(argument.items[0]) : String(scalar(argument)).split('.')[0];
        return typeof target === 'string' && logicalIds.has(target)
          ? { kind: 'unknown', range: node.range, refs: [target] }
          : { kind: 'unknown', range: node.range };
      }
      return { kind: 'unknown', range: node.range };
    }
    if (node.kind === 'map')
      return { ...node, entries: node.entries.map((e) => ({ ...e, value: evaluate(e.value) })) };
    if (node.kind === 'seq') return { ...node, items: node.items.map(evaluate) };
    return node;
  };
  return evaluate;
}

/** `!Name arg` or `{ "Fn::Name": arg }` / `{ "Ref": arg }`. */
function intrinsicOf(node: TreeNode): { name: string; argument: TreeNode } | undefined {
  if (node.tag?.startsWith('!')) {
    const { tag: _tag, ...argument } = node;
    return { name: node.tag.slice(1), argument: argument as TreeNode };
  }
  if (node.kind !== 'map' || node.entries.length !== 1) return undefined;
  const only = node.entries[0] as MapNode['entries'][number];
  if (only.key === 'Ref' || only.key === 'Condition') return { name: only.key, argument: only.value };
  if (only.key.startsWith('Fn::')) return { name: only.key.slice(4), argument: only.value };
  return undefined;
}

import { child, type MapEntry, type MapNode, scalar, type TreeNode } from '../parsers/tree.js';
import { type CfnTemplate, intrinsicOf, NO_VALUE } from './evaluate.js';

/** Resources one `Fn::ForEach` (nested loops included) expands to at most. */
const MAX_FOREACH_RESOURCES = 1000;
/** Loops nested inside one another. */
const MAX_FOREACH_DEPTH = 5;
const FOREACH_PREFIX = 'Fn::ForEach::';

/**
 * The entries of `Resources` with `Fn::ForEach` loops (the AWS::LanguageExtensions transform) expanded:
 * each item of a known collection gives a copy of the output resources, its identifier substituted in
 * `${id}` and `&{id}` (alphanumerics only) and in `Ref: id`. A loop over an unknown collection declares
 * nothing, since not even the logical ids are known.
 */
export function expandResources(resources: MapNode, template: CfnTemplate): MapEntry[] {
  const out: MapEntry[] = [];
  const budget = { remaining: MAX_FOREACH_RESOURCES };
  for (const item of resources.entries) expandEntry(item, template, out, budget, 0);
  for (const item of out) template.logicalIds.add(item.key);
  return out;
}

function expandEntry(
  item: MapEntry,
  template: CfnTemplate,
  out: MapEntry[],
  budget: { remaining: number },
  depth: number,
): void {
  if (!item.key.startsWith(FOREACH_PREFIX)) {
    out.push(item);
    return;
  }
  const [identifierNode, collectionNode, outputs] = item.value.kind === 'seq' ? item.value.items : [];
  const identifier = scalar(identifierNode);
  if (
    typeof identifier !== 'string' ||
    !collectionNode ||
    outputs?.kind !== 'map' ||
    depth >= MAX_FOREACH_DEPTH
  )
    return;
  const collection = template.evaluate(collectionNode);
  if (collection === NO_VALUE || collection.kind !== 'seq') return;
  const values = collection.items.map((value) => scalar(value));
  if (values.some((value) => value === undefined || value === null)) return;
  for (const value of values) {
    const text = String(value);
    for (const output of outputs.entries) {
      if (--budget.remaining < 0) return;
      const expanded: MapEntry = {
        key: substituteText(output.key, identifier, text),
        keyRange: output.keyRange,
        value: substitute(output.value, identifier, text, 0),
      };
      expandEntry(expanded, template, out, budget, depth + 1);
    }
  }
}

function substituteText(text: string, identifier: string, value: string): string {
  return text
    .split(`\${${identifier}}`)
    .join(value)
    .split(`&{${identifier}}`)
    .join(value.replace(/[^A-Za-z0-9]/g, ''));
}

/** A copy of the node with the loop identifier replaced by the current value. */
function substitute(node: TreeNode, identifier: string, value: string, depth: number): TreeNode {
  if (depth > 200) return node;
  const intrinsic = intrinsicOf(node);
  if (intrinsic?.name === 'Ref' && scalar(intrinsic.argument) === identifier)
    return { kind: 'scalar', value, range: node.range };
  switch (node.kind) {
    case 'scalar':
      return typeof node.value === 'string'
        ? { ...node, value: substituteText(node.value, identifier, value) }
        : node;
    case 'seq':
      return { ...node, items: node.items.map((item) => substitute(item, identifier, value, depth + 1)) };
    case 'map':
      return {
        ...node,
        entries: node.entries.map((e) => ({
          key: substituteText(e.key, identifier, value),
          keyRange: e.keyRange,
          value: substitute(e.value, identifier, value, depth + 1),
        })),
      };
    case 'unknown':
      return node;
  }
}

/** True when a template uses the language extensions (for `Fn::ForEach`). */
export function usesLanguageExtensions(root: MapNode): boolean {
  const transform = child(root, 'Transform');
  const names = transform?.kind === 'seq' ? transform.items.map(scalar) : [scalar(transform)];
  return names.includes('AWS::LanguageExtensions');
}

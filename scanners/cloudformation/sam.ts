import { child, type MapEntry, type MapNode, scalar, type TreeNode } from '../parsers/tree.js';
import { type CfnTemplate, NO_VALUE } from './evaluate.js';

/** The transform that makes a template a SAM template. */
export const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

/** Deepest nesting merged between Globals and a resource. */
const MAX_MERGE_DEPTH = 64;

/** True when the template's `Transform` (a name or a list of names) includes SAM. */
export function isSamTemplate(root: MapNode): boolean {
  const transform = child(root, 'Transform');
  if (transform?.kind === 'seq') return transform.items.some((item) => scalar(item) === SAM_TRANSFORM);
  return scalar(transform) === SAM_TRANSFORM;
}

/**
 * The evaluated `Globals` of a SAM template by the resource type they apply to: `Globals.Function` to
 * `AWS::Serverless::Function`, and likewise Api, HttpApi, SimpleTable, StateMachine and the others SAM adds.
 */
export function samGlobals(root: MapNode, template: CfnTemplate): Map<string, MapNode> {
  const byType = new Map<string, MapNode>();
  const globals = child(root, 'Globals');
  if (!isSamTemplate(root) || globals?.kind !== 'map') return byType;
  for (const section of globals.entries) {
    const evaluated = template.evaluate(section.value);
    if (evaluated !== NO_VALUE && evaluated.kind === 'map')
      byType.set(`AWS::Serverless::${section.key}`, evaluated);
  }
  return byType;
}

/**
 * A resource's properties with the Globals it does not override, as SAM merges them: the resource's own
 * scalar values win, maps merge key by key, and lists add the resource's items after the global ones.
 * Every value keeps the range where it is written, in Globals or in the resource.
 */
export function mergeGlobals(global: MapNode, local: MapNode, depth = 0): MapNode {
  if (depth > MAX_MERGE_DEPTH) return local;
  const entries: MapEntry[] = [];
  const globalByKey = new Map(global.entries.map((e) => [e.key, e] as const));
  const localKeys = new Set(local.entries.map((e) => e.key));
  for (const item of local.entries) {
    const inherited = globalByKey.get(item.key)?.value;
    entries.push({ ...item, value: inherited ? merged(inherited, item.value, depth) : item.value });
  }
  for (const item of global.entries) if (!localKeys.has(item.key)) entries.push(item);
  return { ...local, entries };
}

function merged(global: TreeNode, local: TreeNode, depth: number): TreeNode {
  if (global.kind === 'map' && local.kind === 'map') return mergeGlobals(global, local, depth + 1);
  if (global.kind === 'seq' && local.kind === 'seq')
    return { ...local, items: [...global.items, ...local.items] };
  return local;
}

/** Reading declared resources in evaluator tests (ARM, CloudFormation). */
import type { DeclaredResource } from '../../scanners/model/declared.js';
import { nodeAt } from '../../scanners/model/kinds.js';
import { type TreeNode, toPlain } from '../../scanners/parsers/tree.js';

/** The node at a dotted path of a resource body. */
export function valueAt(declared: DeclaredResource, path: string): TreeNode | undefined {
  return nodeAt(declared.body, path.split('.'));
}

/** The plain value at a path, or `{ unknown: refs }` for an unknown node. */
export function plainAt(declared: DeclaredResource, path: string): unknown {
  const node = valueAt(declared, path);
  if (!node) return undefined;
  if (node.kind === 'unknown') return { unknown: node.refs ?? [] };
  return toPlain(node);
}

/** The 1-based line of the first occurrence of `needle` (after `from`). */
export function lineOf(text: string, needle: string, from = 0): number {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`${needle} not in text`);
  return text.slice(0, at).split('\n').length;
}

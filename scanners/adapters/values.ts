import type { Range } from '../core/types.js';
import { type Attr, defaulted, explicit, unresolvable } from '../model/attr.js';
import type { TreeNode } from '../parsers/tree.js';

/** Resolves a tree node to a scalar when it is a literal; intrinsic functions are left to the resolver. */
export type ScalarResolver = (node: TreeNode) => { known: true; value: unknown } | { known: false };

/** A literal resolver: scalars are known, collections and tagged nodes are not. */
export const literalResolver: ScalarResolver = (node) =>
  node.kind === 'scalar' && !node.tag ? { known: true, value: node.value } : { known: false };

/** Reads a boolean attribute: explicit when set to a literal, unresolvable when computed, else the default. */
export function boolAttr(
  node: TreeNode | undefined,
  fallback: boolean | undefined,
  header: Range,
  path: string,
  resolve: ScalarResolver = literalResolver,
): Attr<boolean> {
  if (!node) return defaulted(fallback, header, path);
  const resolved = resolve(node);
  if (!resolved.known) return unresolvable(node.range, path);
  const { value } = resolved;
  if (typeof value === 'boolean') return explicit(value, node.range, path);
  if (value === 'true' || value === 'false') return explicit(value === 'true', node.range, path);
  return unresolvable(node.range, path);
}

/** Reads a string attribute the same way. */
export function stringAttr(
  node: TreeNode | undefined,
  fallback: string | undefined,
  header: Range,
  path: string,
  resolve: ScalarResolver = literalResolver,
): Attr<string> {
  if (!node) return defaulted(fallback, header, path);
  const resolved = resolve(node);
  if (!resolved.known || resolved.value === null || typeof resolved.value === 'object') {
    return unresolvable(node.range, path);
  }
  return explicit(String(resolved.value), node.range, path);
}

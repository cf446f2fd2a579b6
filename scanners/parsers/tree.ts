import type { Range } from '../core/types.js';

/** A format-neutral document tree (from YAML or JSON) in which every node knows its source range. */
export type TreeNode = MapNode | SeqNode | ScalarNode | UnknownNode;

interface NodeBase {
  range: Range;
  /** A YAML tag such as `!Ref`, kept for CloudFormation short forms. */
  tag?: string;
}

export interface MapEntry {
  key: string;
  keyRange: Range;
  value: TreeNode;
}

export interface MapNode extends NodeBase {
  kind: 'map';
  entries: MapEntry[];
}

export interface SeqNode extends NodeBase {
  kind: 'seq';
  items: TreeNode[];
}

export interface ScalarNode extends NodeBase {
  kind: 'scalar';
  value: string | number | boolean | null;
}

/**
 * A value that cannot be known statically: an unset variable, a data source, an attribute computed by the
 * provider, an intrinsic function. Produced by evaluators (Terraform, CloudFormation, ARM), never by parsers.
 */
export interface UnknownNode extends NodeBase {
  kind: 'unknown';
  /**
   * Addresses of the resources the value was computed from, e.g. `aws_s3_bucket.logs` for
   * `aws_s3_bucket.logs.id`, or a CloudFormation logical id for `!Ref Logs`. Lets one resource attach to another.
   */
  refs?: string[];
}

/** The entry of a map node for a key, if any. */
export function entry(node: TreeNode | undefined, key: string): MapEntry | undefined {
  return node?.kind === 'map' ? node.entries.find((e) => e.key === key) : undefined;
}

/** The value node of a map node for a key, if any. */
export function child(node: TreeNode | undefined, key: string): TreeNode | undefined {
  return entry(node, key)?.value;
}

/** The value node at a key path, if every step exists. */
export function at(node: TreeNode | undefined, ...path: string[]): TreeNode | undefined {
  let current = node;
  for (const key of path) current = child(current, key);
  return current;
}

/** The scalar value of a node, or undefined for maps, sequences and missing nodes. */
export function scalar(node: TreeNode | undefined): ScalarNode['value'] | undefined {
  return node?.kind === 'scalar' ? node.value : undefined;
}

/** The refs of every unknown value inside the nodes (depth-bounded): what an evaluated value was computed from. */
export function refsIn(nodes: TreeNode[], depth = 0, into = new Set<string>()): Set<string> {
  if (depth > 64) return into;
  for (const node of nodes) {
    if (node.kind === 'unknown') for (const ref of node.refs ?? []) into.add(ref);
    else if (node.kind === 'seq') refsIn(node.items, depth + 1, into);
    else if (node.kind === 'map')
      refsIn(
        node.entries.map((e) => e.value),
        depth + 1,
        into,
      );
  }
  return into;
}

/** Converts a tree to plain JavaScript values (tags dropped, unknown values undefined). */
export function toPlain(node: TreeNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(toPlain);
    case 'map':
      return Object.fromEntries(node.entries.map((e) => [e.key, toPlain(e.value)]));
    case 'unknown':
      return undefined;
  }
}

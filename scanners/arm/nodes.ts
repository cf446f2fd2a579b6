import type { Range } from '../core/types.js';
import type { MapNode, ScalarNode, SeqNode, TreeNode, UnknownNode } from '../parsers/tree.js';

/**
 * Values of the ARM evaluator are tree nodes, so they keep the range where they are written. Unknown values
 * may carry a symbol: the canonical text of what they stand for (`[parameters('name')]`,
 * `st[uniqueString(resourceGroup().id)]`), which names resources whose names cannot be known and lets
 * `resourceId()` calls match them.
 */
const symbols = new WeakMap<UnknownNode, string>();

/** A plain JSON-like value; objects have no prototype, so file-controlled keys stay plain data. */
export type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };

/** Marks a value that is not fully known in the plain domain. */
export const UNKNOWN: unique symbol = Symbol('unknown');

/** Longest string the evaluator builds (concat, replace, padLeft, format). */
export const MAX_STRING_LENGTH = 1024 * 1024;
/** Longest array it builds (range, copy loops, concat). */
export const MAX_ARRAY_LENGTH = 10_000;

export function scalarNode(value: ScalarNode['value'], range: Range): ScalarNode {
  return { kind: 'scalar', value, range };
}

export function unknownNode(range: Range, refs: Iterable<string> = [], symbol?: string): UnknownNode {
  const unique = [...new Set(refs)];
  const node: UnknownNode = unique.length
    ? { kind: 'unknown', range, refs: unique }
    : { kind: 'unknown', range };
  if (symbol !== undefined) symbols.set(node, symbol);
  return node;
}

/** The symbolic text of an unknown value, if it has one. */
export function symbolOf(node: TreeNode): string | undefined {
  return node.kind === 'unknown' ? symbols.get(node) : undefined;
}

/** The same value located at another range (the place it is used); inner nodes keep their own ranges. */
export function atRange(node: TreeNode, range: Range): TreeNode {
  if (node.kind === 'unknown') return unknownNode(range, node.refs ?? [], symbols.get(node));
  const { tag: _tag, ...rest } = node;
  return { ...rest, range } as TreeNode;
}

/** The plain value of a node, or UNKNOWN when any part of it is unknown. */
export function plainOf(node: TreeNode, depth = 0): Plain | typeof UNKNOWN {
  if (depth > 128) return UNKNOWN;
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'unknown':
      return UNKNOWN;
    case 'seq': {
      const items: Plain[] = [];
      for (const item of node.items) {
        const value = plainOf(item, depth + 1);
        if (value === UNKNOWN) return UNKNOWN;
        items.push(value);
      }
      return items;
    }
    case 'map': {
      const object: { [key: string]: Plain } = Object.create(null);
      for (const entry of node.entries) {
        const value = plainOf(entry.value, depth + 1);
        if (value === UNKNOWN) return UNKNOWN;
        object[entry.key] = value;
      }
      return object;
    }
  }
}

/** A tree for a plain value, every node at `range`. */
export function fromPlain(value: Plain, range: Range, depth = 0): TreeNode {
  if (depth > 128) return unknownNode(range);
  if (Array.isArray(value)) {
    const seq: SeqNode = {
      kind: 'seq',
      range,
      items: value.map((item) => fromPlain(item, range, depth + 1)),
    };
    return seq;
  }
  if (value !== null && typeof value === 'object') {
    const map: MapNode = {
      kind: 'map',
      range,
      entries: Object.keys(value).map((key) => ({
        key,
        keyRange: range,
        value: fromPlain(value[key] as Plain, range, depth + 1),
      })),
    };
    return map;
  }
  return scalarNode(value, range);
}

/** A prototype-free object, for building plain values keyed by file-controlled strings. */
export function plainObject(): { [key: string]: Plain } {
  return Object.create(null);
}

export function isPlainObject(value: unknown): value is { [key: string]: Plain } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The entry of a map for a key: exact match first, then ignoring case, as ARM looks names up. */
export function entryIgnoringCase(node: MapNode, key: string): MapNode['entries'][number] | undefined {
  const exact = node.entries.find((e) => e.key === key);
  if (exact) return exact;
  const lower = key.toLowerCase();
  return node.entries.find((e) => e.key.toLowerCase() === lower);
}

/** The first line of a range: where a resource's "missing setting" findings point. */
export function headerOf(range: Range): Range {
  return {
    startLine: range.startLine,
    startColumn: range.startColumn,
    endLine: range.startLine,
    endColumn: range.startColumn,
  };
}

import type { Range } from '../core/types.js';
import type { MapEntry, MapNode, ScalarNode, SeqNode, TreeNode, UnknownNode } from '../parsers/tree.js';

/**
 * Terraform values are TreeNodes: maps, sequences (lists, tuples and sets), scalars and unknowns. Unknown
 * values keep the resources they were computed from in `refs`; a value that is unknown because evaluation
 * failed (a missing attribute, a type error) is also remembered as failed, which `try()` and `can()` read.
 */

/** At most this many refs are kept on one unknown value. */
const MAX_REFS = 64;
/** Strings longer than this are not built: the value becomes unknown. */
export const MAX_STRING_LENGTH = 1024 * 1024;

const failures = new WeakSet<TreeNode>();

/** Per-unit limits that keep hostile configurations from using unbounded time or memory. */
export class Budget {
  /** Nodes the evaluator may still create in this unit. */
  nodes: number;

  constructor(nodes = 1_000_000) {
    this.nodes = nodes;
  }

  get exhausted(): boolean {
    return this.nodes <= 0;
  }

  /** Spends `count` nodes; false when the budget is gone. */
  spend(count = 1): boolean {
    this.nodes -= count;
    return this.nodes > 0;
  }
}

export function scalarNode(value: ScalarNode['value'], range: Range): ScalarNode {
  return { kind: 'scalar', value, range };
}

export function seqNode(items: TreeNode[], range: Range): SeqNode {
  return { kind: 'seq', items, range };
}

export function mapNode(entries: MapEntry[], range: Range): MapNode {
  return { kind: 'map', entries, range };
}

/** A map from key/value pairs; later keys replace earlier ones. */
export function mapFrom(pairs: Iterable<[string, TreeNode]>, range: Range): MapNode {
  const byKey = new Map<string, TreeNode>();
  for (const [key, value] of pairs) byKey.set(key, value);
  return mapNode(
    [...byKey].map(([key, value]) => ({ key, keyRange: value.range, value })),
    range,
  );
}

/** An unknown value computed from `inputs`: it keeps their refs, and fails if one of them failed. */
export function unknownOf(range: Range, ...inputs: (TreeNode | undefined)[]): UnknownNode {
  const refs = new Set<string>();
  let failed = false;
  for (const input of inputs) {
    if (!input) continue;
    collectRefs(input, refs, 0);
    if (isFailed(input)) failed = true;
  }
  const node: UnknownNode = { kind: 'unknown', range };
  if (refs.size) node.refs = [...refs].slice(0, MAX_REFS);
  if (failed) failures.add(node);
  return node;
}

/** An unknown value referring to resources. */
export function unknownRef(range: Range, refs: string[]): UnknownNode {
  return refs.length ? { kind: 'unknown', range, refs: refs.slice(0, MAX_REFS) } : { kind: 'unknown', range };
}

/** A value whose evaluation failed: unknown, and `can()` is false for it. */
export function failed(range: Range, ...inputs: (TreeNode | undefined)[]): UnknownNode {
  const node = unknownOf(range, ...inputs);
  failures.add(node);
  return node;
}

export function isFailed(node: TreeNode): boolean {
  return failures.has(node);
}

function collectRefs(node: TreeNode, refs: Set<string>, depth: number): void {
  if (refs.size >= MAX_REFS || depth > 64) return;
  if (node.kind === 'unknown') {
    for (const ref of node.refs ?? []) refs.add(ref);
  } else if (node.kind === 'seq') {
    for (const item of node.items) collectRefs(item, refs, depth + 1);
  } else if (node.kind === 'map') {
    for (const e of node.entries) collectRefs(e.value, refs, depth + 1);
  }
}

/** The first unknown inside a value (the value itself, an item, an entry), if any. */
export function firstUnknown(node: TreeNode, depth = 0): TreeNode | undefined {
  if (node.kind === 'unknown') return node;
  if (depth > 64) return node;
  if (node.kind === 'seq') {
    for (const item of node.items) {
      const found = firstUnknown(item, depth + 1);
      if (found) return found;
    }
  } else if (node.kind === 'map') {
    for (const e of node.entries) {
      const found = firstUnknown(e.value, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** True when no part of the value is unknown. */
export function isWhollyKnown(node: TreeNode): boolean {
  return firstUnknown(node) === undefined;
}

/** Unknown when any input is wholly or partly unknown: the merged unknown; otherwise undefined. */
export function anyUnknown(range: Range, inputs: TreeNode[]): UnknownNode | undefined {
  for (const input of inputs) {
    if (!isWhollyKnown(input)) return unknownOf(range, ...inputs);
  }
  return undefined;
}

/** A copy of a value whose every node points at `range` (a value used away from where it was written). */
export function relocate(node: TreeNode, range: Range, budget: Budget, depth = 0): TreeNode {
  if (!budget.spend() || depth > 128) return unknownOf(range, node);
  switch (node.kind) {
    case 'scalar':
      return { kind: 'scalar', value: node.value, range };
    case 'unknown': {
      const copy: UnknownNode = { kind: 'unknown', range };
      if (node.refs) copy.refs = node.refs;
      if (isFailed(node)) failures.add(copy);
      return copy;
    }
    case 'seq':
      return {
        kind: 'seq',
        range,
        items: node.items.map((item) => relocate(item, range, budget, depth + 1)),
      };
    case 'map':
      return {
        kind: 'map',
        range,
        entries: node.entries.map((e) => ({
          key: e.key,
          keyRange: range,
          value: relocate(e.value, range, budget, depth + 1),
        })),
      };
  }
}

/** The value with its outermost node pointing at `range`; inner nodes keep their own ranges. */
export function withRange(node: TreeNode, range: Range): TreeNode {
  if (node.range === range) return node;
  const copy = { ...node, range } as TreeNode;
  if (isFailed(node)) failures.add(copy);
  return copy;
}

/** Terraform's string form of a primitive; undefined for null, collections and unknowns. */
export function asString(node: TreeNode): string | undefined {
  if (node.kind !== 'scalar') return undefined;
  const { value } = node;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return undefined;
}

export function formatNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return value.toFixed(0);
  return String(value);
}

/** A number, converting numeric strings as Terraform does; undefined otherwise. */
export function asNumber(node: TreeNode): number | undefined {
  if (node.kind !== 'scalar') return undefined;
  const { value } = node;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(value))
    return Number(value);
  return undefined;
}

/** A bool, converting "true"/"false" as Terraform does; undefined otherwise. */
export function asBool(node: TreeNode): boolean | undefined {
  if (node.kind !== 'scalar') return undefined;
  const { value } = node;
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

export function isNull(node: TreeNode): boolean {
  return node.kind === 'scalar' && node.value === null;
}

/** Structural equality of two known values (unknown parts compare unequal; callers check first). */
export function deepEqual(a: TreeNode, b: TreeNode, depth = 0): boolean {
  if (depth > 64) return false;
  if (a.kind !== b.kind) return false;
  if (a.kind === 'scalar') return a.value === (b as ScalarNode).value;
  if (a.kind === 'seq') {
    const items = (b as SeqNode).items;
    return (
      a.items.length === items.length &&
      a.items.every((item, i) => deepEqual(item, items[i] as TreeNode, depth + 1))
    );
  }
  if (a.kind === 'map') {
    const other = b as MapNode;
    if (a.entries.length !== other.entries.length) return false;
    return a.entries.every((e) => {
      const match = other.entries.find((o) => o.key === e.key);
      return match !== undefined && deepEqual(e.value, match.value, depth + 1);
    });
  }
  return false;
}

/** The value of a map entry, if present. */
export function lookupKey(node: MapNode, key: string): TreeNode | undefined {
  for (const e of node.entries) if (e.key === key) return e.value;
  return undefined;
}

/** Converts a plain JSON value to a tree at one range (jsondecode, plan values). */
export function fromPlain(value: unknown, range: Range, budget: Budget, depth = 0): TreeNode {
  if (!budget.spend() || depth > 128) return { kind: 'unknown', range };
  if (Array.isArray(value))
    return seqNode(
      value.map((v) => fromPlain(v, range, budget, depth + 1)),
      range,
    );
  if (value !== null && typeof value === 'object') {
    return mapNode(
      Object.entries(value).map(([key, v]) => ({
        key,
        keyRange: range,
        value: fromPlain(v, range, budget, depth + 1),
      })),
      range,
    );
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null)
    return scalarNode(value, range);
  return { kind: 'unknown', range };
}

/** Converts a known value to plain JSON (maps become objects with null prototypes avoided by entries). */
export function toJson(node: TreeNode, depth = 0): unknown {
  if (depth > 128) return null;
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map((item) => toJson(item, depth + 1));
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const e of node.entries) {
        Object.defineProperty(out, e.key, {
          value: toJson(e.value, depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    case 'unknown':
      return null;
  }
}

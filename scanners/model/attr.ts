import type { Range } from '../core/types.js';

/**
 * Where a model value came from: written in the source, the provider's default for a missing setting,
 * or not knowable statically (an unknown variable, a data source, an intrinsic function).
 */
export type Origin = 'explicit' | 'default' | 'unresolvable';

/** A value of the neutral model with its source range and origin. */
export interface Attr<T> {
  value: T | undefined;
  origin: Origin;
  /** The attribute in the source; for defaults, the header of the resource that lacks it. */
  range: Range;
  /** The attribute path inside the resource, used for stable fingerprints, e.g. `versioning.enabled`. */
  path: string;
  /** The file holding `range`, when it is not the resource's own (a setting made by an attached resource). */
  file?: string;
  /** For unresolvable values computed from other resources: their addresses (see UnknownNode.refs). */
  refs?: string[];
}

/** An explicitly set value. */
export function explicit<T>(value: T, range: Range, path: string): Attr<T> {
  return { value, origin: 'explicit', range, path };
}

/** A setting absent from the source, taking the provider's default. */
export function defaulted<T>(value: T | undefined, range: Range, path: string): Attr<T> {
  return { value, origin: 'default', range, path };
}

/** A value that cannot be known statically. */
export function unresolvable<T>(range: Range, path: string, refs?: string[]): Attr<T> {
  return refs?.length
    ? { value: undefined, origin: 'unresolvable', range, path, refs }
    : { value: undefined, origin: 'unresolvable', range, path };
}

/** True when the value is known (explicit or defaulted). */
export function isKnown<T>(attr: Attr<T>): attr is Attr<T> & { value: T } {
  return attr.origin !== 'unresolvable' && attr.value !== undefined;
}

/** True when the value is known and equals `expected`; unknown values are never a match. */
export function isKnownValue<T>(attr: Attr<T>, expected: T): boolean {
  return isKnown(attr) && attr.value === expected;
}

/** True when `value` is an Attr (used by generic condition evaluation). */
export function isAttr(value: unknown): value is Attr<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    'origin' in value &&
    'range' in value &&
    'path' in value &&
    'value' in value
  );
}

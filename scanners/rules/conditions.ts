import { type Attr, isAttr } from '../model/attr.js';
import { type Resource, readPath } from '../model/model.js';

/**
 * The condition language of YAML custom rules. A rule reports each resource for which its `when`
 * condition is true. Unknown values make a comparison unknown, and an unknown result never reports.
 */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | AttributeCondition
  | ConnectionCondition;

export interface AttributeCondition {
  attribute: string;
  equals?: unknown;
  'not-equals'?: unknown;
  in?: unknown[];
  'not-in'?: unknown[];
  matches?: string;
  contains?: unknown;
  'greater-than'?: number;
  'less-than'?: number;
  exists?: boolean;
}

/** A related resource (or list of them) reached through a model property, e.g. `containers`. */
export interface ConnectionCondition {
  connection: string;
  exists?: boolean;
  some?: Condition;
  every?: Condition;
}

/** Three-valued result; `evidence` is the attribute that decided a true result, for the finding's location. */
export interface Outcome {
  value: boolean | 'unknown';
  evidence?: Attr<unknown>;
  /** The related resource the evidence belongs to, when reached through a connection. */
  resource?: Resource;
}

const UNKNOWN: Outcome = { value: 'unknown' };

const patterns = new Map<string, RegExp>();

/** Conditions run once per resource: compile each pattern once. */
function compiledPattern(source: string): RegExp {
  let pattern = patterns.get(source);
  if (!pattern) {
    pattern = new RegExp(source);
    patterns.set(source, pattern);
  }
  return pattern;
}

/** Evaluates a condition against one model object. */
export function evaluate(condition: Condition, target: unknown): Outcome {
  if ('all' in condition) return evaluateAll(condition.all, target);
  if ('any' in condition) return evaluateAny(condition.any, target);
  if ('not' in condition) {
    const inner = evaluate(condition.not, target);
    return inner.value === 'unknown' ? UNKNOWN : { value: !inner.value };
  }
  if ('connection' in condition) return evaluateConnection(condition, target);
  return evaluateAttribute(condition, target);
}

function evaluateAll(conditions: Condition[], target: unknown): Outcome {
  let unknown = false;
  let evidence: Outcome | undefined;
  for (const condition of conditions) {
    const outcome = evaluate(condition, target);
    if (outcome.value === false) return { value: false };
    if (outcome.value === 'unknown') unknown = true;
    else evidence ??= outcome.evidence ? outcome : undefined;
  }
  return unknown ? UNKNOWN : { value: true, evidence: evidence?.evidence, resource: evidence?.resource };
}

function evaluateAny(conditions: Condition[], target: unknown): Outcome {
  let unknown = false;
  for (const condition of conditions) {
    const outcome = evaluate(condition, target);
    if (outcome.value === true) return outcome;
    if (outcome.value === 'unknown') unknown = true;
  }
  return unknown ? UNKNOWN : { value: false };
}

function evaluateConnection(condition: ConnectionCondition, target: unknown): Outcome {
  const related = readPath(target, condition.connection);
  const list = (Array.isArray(related) ? related : related == null ? [] : [related]) as Resource[];
  if (condition.exists !== undefined) {
    const exists = list.length > 0;
    if (exists !== condition.exists) return { value: false };
    if (!condition.some && !condition.every) return { value: true };
  }
  if (condition.some) {
    let unknown = false;
    for (const item of list) {
      const outcome = evaluate(condition.some, item);
      if (outcome.value === true) return { ...outcome, resource: outcome.resource ?? item };
      if (outcome.value === 'unknown') unknown = true;
    }
    return unknown ? UNKNOWN : { value: false };
  }
  if (condition.every) {
    let unknown = false;
    for (const item of list) {
      const outcome = evaluate(condition.every, item);
      if (outcome.value === false) return { value: false };
      if (outcome.value === 'unknown') unknown = true;
    }
    return unknown ? UNKNOWN : { value: true };
  }
  return { value: false };
}

function evaluateAttribute(condition: AttributeCondition, target: unknown): Outcome {
  const raw = readPath(target, condition.attribute);
  const attr = isAttr(raw) ? raw : undefined;
  if (attr?.origin === 'unresolvable')
    return condition.exists === true ? { value: true, evidence: attr } : UNKNOWN;
  const value = attr ? attr.value : raw;
  const present = attr ? attr.origin === 'explicit' : raw !== undefined;
  const checks: boolean[] = [];
  if (condition.exists !== undefined) checks.push(present === condition.exists);
  if ('equals' in condition) checks.push(value === condition.equals);
  if ('not-equals' in condition) checks.push(value !== condition['not-equals']);
  if (condition.in) checks.push(condition.in.includes(value));
  if (condition['not-in']) checks.push(!condition['not-in'].includes(value));
  if (condition.matches !== undefined)
    checks.push(typeof value === 'string' && compiledPattern(condition.matches).test(value));
  if ('contains' in condition) {
    checks.push(
      Array.isArray(value)
        ? value.includes(condition.contains)
        : String(value ?? '').includes(String(condition.contains)),
    );
  }
  if (condition['greater-than'] !== undefined)
    checks.push(typeof value === 'number' && value > condition['greater-than']);
  if (condition['less-than'] !== undefined)
    checks.push(typeof value === 'number' && value < condition['less-than']);
  const holds = checks.length > 0 && checks.every(Boolean);
  return holds ? { value: true, evidence: attr } : { value: false };
}

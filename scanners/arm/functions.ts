import { isPlainObject, MAX_ARRAY_LENGTH, MAX_STRING_LENGTH, type Plain, plainObject } from './nodes.js';

/**
 * ARM template functions that are pure: their result depends only on their (fully known) arguments.
 * Written from the ARM template function reference. A function that meets arguments it cannot handle
 * throws, and the evaluator makes the value unknown rather than guessing.
 */
export type PureFunction = (args: Plain[]) => Plain;

class Unsupported extends Error {}

function fail(message: string): never {
  throw new Unsupported(message);
}

function arity(args: Plain[], min: number, max = min): void {
  if (args.length < min || args.length > max) fail(`expects ${min}..${max} arguments`);
}

function str(value: Plain | undefined): string {
  if (typeof value !== 'string') fail('expects a string');
  return value;
}

function num(value: Plain | undefined): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail('expects an integer');
  return value;
}

function bool(value: Plain | undefined): boolean {
  if (typeof value !== 'boolean') fail('expects a boolean');
  return value;
}

function boundedString(value: string): string {
  if (value.length > MAX_STRING_LENGTH) fail('string too long');
  return value;
}

function boundedArray(value: Plain[]): Plain[] {
  if (value.length > MAX_ARRAY_LENGTH) fail('array too long');
  return value;
}

/** ARM's text for a value inside a string: booleans are `True`/`False`, objects and arrays JSON. */
export function armString(value: Plain): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  if (value === null) return '';
  return boundedString(JSON.stringify(value));
}

/** Deep equality of plain values, as `equals` compares them. */
export function plainEquals(a: Plain, b: Plain, depth = 0): boolean {
  if (depth > 128) return false;
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => plainEquals(item, b[i] as Plain, depth + 1));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => key in b && plainEquals(a[key] as Plain, b[key] as Plain, depth + 1));
  }
  return false;
}

/** `format('{0}-{1:N2}', a, b)`: .NET composite formatting, with `{{` and `}}` escapes. */
export function formatString(template: string, values: string[]): string {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const char = template[i] as string;
    if (char === '{' && template[i + 1] === '{') {
      out += '{';
      i++;
    } else if (char === '}' && template[i + 1] === '}') {
      out += '}';
      i++;
    } else if (char === '{') {
      const close = template.indexOf('}', i);
      const match = close < 0 ? null : /^(\d+)\s*(,\s*-?\d+)?\s*(:.*)?$/.exec(template.slice(i + 1, close));
      if (!match) fail('malformed format item');
      const value = values[Number(match[1])];
      if (value === undefined) fail('format item out of range');
      out += value;
      i = close;
    } else {
      out += char;
    }
    if (out.length > MAX_STRING_LENGTH) fail('string too long');
  }
  return out;
}

/** Joins strings, refusing before building a result over the length limit. */
function joined(parts: string[], separator = ''): string {
  let total = separator.length * Math.max(0, parts.length - 1);
  for (const part of parts) total += part.length;
  if (total > MAX_STRING_LENGTH) fail('string too long');
  return parts.join(separator);
}

function concat(args: Plain[]): Plain {
  if (args.length && args.every(Array.isArray)) {
    if (args.reduce((total, arg) => total + (arg as Plain[]).length, 0) > MAX_ARRAY_LENGTH)
      fail('array too long');
    return (args as Plain[][]).flat();
  }
  return joined(
    args.map((arg) => {
      if (Array.isArray(arg) || isPlainObject(arg)) fail('concat mixes strings and collections');
      return armString(arg);
    }),
  );
}

function empty(value: Plain): boolean {
  if (value === null) return true;
  if (typeof value === 'string' || Array.isArray(value)) return value.length === 0;
  if (isPlainObject(value)) return Object.keys(value).length === 0;
  return false;
}

function length(value: Plain): number {
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  if (isPlainObject(value)) return Object.keys(value).length;
  return fail('length of a scalar');
}

function contains(container: Plain, item: Plain): boolean {
  if (typeof container === 'string') return container.includes(armString(item));
  if (Array.isArray(container)) return container.some((c) => plainEquals(c, item));
  if (isPlainObject(container)) {
    const wanted = str(item).toLowerCase();
    return Object.keys(container).some((key) => key.toLowerCase() === wanted);
  }
  return fail('contains on a scalar');
}

function union(args: Plain[], depth = 0): Plain {
  if (depth > 32) fail('union too deep');
  if (args.every(Array.isArray)) {
    const seen = new Set<string>();
    const out: Plain[] = [];
    for (const item of boundedArray((args as Plain[][]).flat())) {
      const key = JSON.stringify(item);
      if (!seen.has(key)) {
        seen.add(key);
        out.push(item);
      }
    }
    return out;
  }
  if (args.every(isPlainObject)) {
    const out = plainObject();
    for (const arg of args as Array<{ [key: string]: Plain }>) {
      for (const key of Object.keys(arg)) {
        const previous = out[key];
        const next = arg[key] as Plain;
        // Nested objects merge, other values are replaced by the later argument.
        out[key] =
          isPlainObject(previous) && isPlainObject(next)
            ? (union([previous, next], depth + 1) as Plain)
            : next;
      }
    }
    return out;
  }
  return fail('union of mixed values');
}

function intersection(args: Plain[]): Plain {
  const [head, ...rest] = args;
  if (Array.isArray(head) && rest.every(Array.isArray)) {
    const others = (rest as Plain[][]).map((r) => new Set(r.map((item) => JSON.stringify(item))));
    const seen = new Set<string>();
    const out: Plain[] = [];
    for (const item of head) {
      const key = JSON.stringify(item);
      if (!seen.has(key) && others.every((other) => other.has(key))) out.push(item);
      seen.add(key);
    }
    return out;
  }
  if (isPlainObject(head) && rest.every(isPlainObject)) {
    const out = plainObject();
    for (const key of Object.keys(head))
      if (
        rest.every(
          (r) =>
            key in (r as object) &&
            plainEquals((r as Record<string, Plain>)[key] as Plain, head[key] as Plain),
        )
      )
        out[key] = head[key] as Plain;
    return out;
  }
  return fail('intersection of mixed values');
}

function compare(a: Plain, b: Plain): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return fail('compares numbers or strings');
}

function toInt(value: Plain): number {
  if (typeof value === 'number') return Math.trunc(value);
  if (typeof value === 'string' && /^\s*[-+]?\d+\s*$/.test(value)) return Number.parseInt(value, 10);
  return fail('not an integer');
}

function toBool(value: Plain): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  return fail('not a boolean');
}

function parseJsonValue(text: string): Plain {
  if (text.length > MAX_STRING_LENGTH) fail('json too long');
  try {
    return JSON.parse(text, (_key, value) =>
      isPlainObject(value) ? Object.assign(plainObject(), value) : value,
    );
  } catch {
    return fail('invalid json');
  }
}

function firstOrLast(value: Plain, last: boolean): Plain {
  if (typeof value === 'string') return (last ? value.slice(-1) : value.slice(0, 1)) || '';
  if (Array.isArray(value)) return (last ? value[value.length - 1] : value[0]) ?? null;
  return fail('first/last of a scalar');
}

function skipOrTake(value: Plain, count: number, take: boolean): Plain {
  const n = Math.max(0, count);
  if (typeof value === 'string') return take ? value.slice(0, n) : value.slice(n);
  if (Array.isArray(value)) return take ? value.slice(0, n) : value.slice(n);
  return fail('skip/take of a scalar');
}

function items(value: Plain): Plain {
  if (!isPlainObject(value)) fail('items of a non-object');
  return Object.keys(value)
    .sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1))
    .map((key) => {
      const item = plainObject();
      item.key = key;
      item.value = value[key] as Plain;
      return item;
    });
}

/** A function that first checks its argument count. */
function checked(count: number, body: PureFunction): PureFunction {
  return (args) => {
    arity(args, count);
    return body(args);
  };
}

/** Pure functions by lower-case name. */
export const PURE_FUNCTIONS = new Map<string, PureFunction>([
  ['concat', concat],
  [
    'format',
    (args) => {
      const [template, ...values] = args;
      return formatString(str(template), values.map(armString));
    },
  ],
  [
    'equals',
    (args) => {
      arity(args, 2);
      return plainEquals(args[0] as Plain, args[1] as Plain);
    },
  ],
  [
    'not',
    (args) => {
      arity(args, 1);
      return !bool(args[0]);
    },
  ],
  ['and', (args) => args.map(bool).every(Boolean)],
  ['or', (args) => args.map(bool).some(Boolean)],
  ['true', () => true],
  ['false', () => false],
  ['null', () => null],
  ['empty', checked(1, (args) => empty(args[0] as Plain))],
  ['length', checked(1, (args) => length(args[0] as Plain))],
  ['tolower', checked(1, (args) => str(args[0]).toLowerCase())],
  ['toupper', checked(1, (args) => str(args[0]).toUpperCase())],
  ['trim', checked(1, (args) => str(args[0]).trim())],
  [
    'replace',
    (args) => {
      arity(args, 3);
      const [text, old, replacement] = [str(args[0]), str(args[1]), str(args[2])];
      if (!old) return text;
      return joined(text.split(old), replacement);
    },
  ],
  ['string', checked(1, (args) => armString(args[0] as Plain))],
  ['int', checked(1, (args) => toInt(args[0] as Plain))],
  ['bool', checked(1, (args) => toBool(args[0] as Plain))],
  ['json', checked(1, (args) => parseJsonValue(str(args[0])))],
  ['array', checked(1, (args) => (Array.isArray(args[0]) ? args[0] : [args[0] as Plain]))],
  ['contains', checked(2, (args) => contains(args[0] as Plain, args[1] as Plain))],
  ['union', (args) => union(args)],
  ['intersection', (args) => intersection(args)],
  ['first', checked(1, (args) => firstOrLast(args[0] as Plain, false))],
  ['last', checked(1, (args) => firstOrLast(args[0] as Plain, true))],
  [
    'substring',
    (args) => {
      arity(args, 2, 3);
      const text = str(args[0]);
      const start = num(args[1]);
      const count = args.length > 2 ? num(args[2]) : text.length - start;
      if (start < 0 || count < 0 || start + count > text.length) fail('substring out of range');
      return text.substr(start, count);
    },
  ],
  ['startswith', checked(2, (args) => str(args[0]).toLowerCase().startsWith(str(args[1]).toLowerCase()))],
  ['endswith', checked(2, (args) => str(args[0]).toLowerCase().endsWith(str(args[1]).toLowerCase()))],
  ['indexof', checked(2, (args) => str(args[0]).toLowerCase().indexOf(str(args[1]).toLowerCase()))],
  ['lastindexof', checked(2, (args) => str(args[0]).toLowerCase().lastIndexOf(str(args[1]).toLowerCase()))],
  [
    'split',
    (args) => {
      arity(args, 2);
      const text = str(args[0]);
      const separators = Array.isArray(args[1]) ? args[1].map(str) : [str(args[1])];
      let parts = [text];
      for (const separator of separators.filter(Boolean)) parts = parts.flatMap((p) => p.split(separator));
      return boundedArray(parts);
    },
  ],
  [
    'join',
    (args) => {
      arity(args, 2);
      if (!Array.isArray(args[0])) fail('join of a non-array');
      return joined(args[0].map(armString), str(args[1]));
    },
  ],
  ['skip', checked(2, (args) => skipOrTake(args[0] as Plain, num(args[1]), false))],
  ['take', checked(2, (args) => skipOrTake(args[0] as Plain, num(args[1]), true))],
  ['greater', checked(2, (args) => compare(args[0] as Plain, args[1] as Plain) > 0)],
  ['greaterorequals', checked(2, (args) => compare(args[0] as Plain, args[1] as Plain) >= 0)],
  ['less', checked(2, (args) => compare(args[0] as Plain, args[1] as Plain) < 0)],
  ['lessorequals', checked(2, (args) => compare(args[0] as Plain, args[1] as Plain) <= 0)],
  ['add', checked(2, (args) => num(args[0]) + num(args[1]))],
  ['sub', checked(2, (args) => num(args[0]) - num(args[1]))],
  ['mul', checked(2, (args) => num(args[0]) * num(args[1]))],
  [
    'div',
    (args) => {
      arity(args, 2);
      const divisor = num(args[1]);
      if (divisor === 0) fail('division by zero');
      return Math.trunc(num(args[0]) / divisor);
    },
  ],
  [
    'mod',
    (args) => {
      arity(args, 2);
      const divisor = num(args[1]);
      if (divisor === 0) fail('division by zero');
      return num(args[0]) % divisor;
    },
  ],
  ['min', (args) => Math.min(...(args.length === 1 && Array.isArray(args[0]) ? args[0] : args).map(num))],
  ['max', (args) => Math.max(...(args.length === 1 && Array.isArray(args[0]) ? args[0] : args).map(num))],
  [
    'range',
    (args) => {
      arity(args, 2);
      const [start, count] = [num(args[0]), num(args[1])];
      if (count < 0 || count > MAX_ARRAY_LENGTH) fail('range too long');
      return Array.from({ length: count }, (_, i) => start + i);
    },
  ],
  [
    'padleft',
    (args) => {
      arity(args, 2, 3);
      const width = num(args[1]);
      if (width > MAX_STRING_LENGTH) fail('string too long');
      const pad = args.length > 2 ? str(args[2]) : ' ';
      return armString(args[0] as Plain).padStart(width, pad || ' ');
    },
  ],
  ['base64', checked(1, (args) => Buffer.from(str(args[0]), 'utf8').toString('base64'))],
  ['base64tostring', checked(1, (args) => Buffer.from(str(args[0]), 'base64').toString('utf8'))],
  ['uricomponent', checked(1, (args) => encodeURIComponent(str(args[0])))],
  ['uricomponenttostring', checked(1, (args) => decodeURIComponent(str(args[0])))],
  ['items', checked(1, (args) => items(args[0] as Plain))],
]);

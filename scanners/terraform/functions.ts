import type { Range } from '../core/types.js';
import type { SeqNode, TreeNode } from '../parsers/tree.js';
import {
  anyUnknown,
  asBool,
  asNumber,
  asString,
  type Budget,
  deepEqual,
  failed,
  formatNumber,
  fromPlain,
  isFailed,
  isNull,
  isWhollyKnown,
  lookupKey,
  MAX_STRING_LENGTH,
  mapFrom,
  scalarNode,
  seqNode,
  toJson,
  unknownOf,
  withRange,
} from './values.js';

/** A Terraform function over evaluated arguments. Unknown arguments give unknown results. */
type TerraformFunction = (args: TreeNode[], range: Range, budget: Budget) => TreeNode;

/** Functions whose result depends on files, time, randomness or the network: never evaluated. */
const ALWAYS_UNKNOWN = new Set([
  'file',
  'fileexists',
  'fileset',
  'filebase64',
  'filebase64sha256',
  'filebase64sha512',
  'filemd5',
  'filesha1',
  'filesha256',
  'filesha512',
  'templatefile',
  'timestamp',
  'plantimestamp',
  'uuid',
  'uuidv5',
  'bcrypt',
  'cidrsubnet',
  'cidrsubnets',
  'cidrhost',
  'cidrnetmask',
  'ephemeralasnull',
]);

/** Calls a function by name; unknown for functions Palisade does not evaluate. */
export function callFunction(name: string, args: TreeNode[], range: Range, budget: Budget): TreeNode {
  const bare = name.includes('::') ? '' : name;
  if (bare === 'try') return tryValues(args, range);
  if (bare === 'can') return canValue(args, range);
  const fn = ALWAYS_UNKNOWN.has(bare) ? undefined : FUNCTIONS.get(bare);
  if (!fn) return unknownOf(range, ...args);
  for (const arg of args) if (isFailed(arg)) return failed(range, ...args);
  try {
    return fn(args, range, budget);
  } catch {
    // A result too large to build (RangeError) or malformed input: unknown, never a crash.
    return unknownOf(range, ...args);
  }
}

/** An upper bound of a value's JSON size, stopping early once it passes `limit`. */
function sizeOver(node: TreeNode, limit: number): boolean {
  let size = 0;
  const stack: TreeNode[] = [node];
  while (stack.length) {
    const current = stack.pop() as TreeNode;
    if (current.kind === 'scalar') size += typeof current.value === 'string' ? current.value.length + 2 : 8;
    else if (current.kind === 'seq') {
      size += 2 + current.items.length;
      stack.push(...current.items);
    } else if (current.kind === 'map') {
      size += 2;
      for (const e of current.entries) {
        size += e.key.length + 4;
        stack.push(e.value);
      }
    }
    if (size > limit) return true;
  }
  return false;
}

function tryValues(args: TreeNode[], range: Range): TreeNode {
  for (const arg of args) if (!isFailed(arg)) return arg;
  return failed(range, ...args);
}

function canValue(args: TreeNode[], range: Range): TreeNode {
  const arg = args[0];
  if (!arg || isFailed(arg)) return scalarNode(false, range);
  if (!isWhollyKnown(arg)) return unknownOf(range, arg);
  return scalarNode(true, range);
}

/** Arguments must be wholly known for these functions; otherwise the result is unknown. */
function known(fn: TerraformFunction): TerraformFunction {
  return (args, range, budget) => anyUnknown(range, args) ?? fn(args, range, budget);
}

/** The arguments' top level must be known (items may stay unknown). */
function shallow(fn: TerraformFunction): TerraformFunction {
  return (args, range, budget) => {
    const unknown = args.find((a) => a.kind === 'unknown');
    return unknown ? unknownOf(range, ...args) : fn(args, range, budget);
  };
}

function str(fn: (...values: string[]) => string | TreeNode | undefined): TerraformFunction {
  return known((args, range) => {
    const values = args.map(asString);
    if (values.some((v) => v === undefined)) return failed(range);
    const result = fn(...(values as string[]));
    if (result === undefined) return failed(range);
    if (typeof result !== 'string') return { ...result, range } as TreeNode;
    return result.length > MAX_STRING_LENGTH ? unknownOf(range) : scalarNode(result, range);
  });
}

function itemsOf(node: TreeNode | undefined): TreeNode[] | undefined {
  if (!node) return undefined;
  if (node.kind === 'seq') return node.items;
  return undefined;
}

function list(items: TreeNode[], range: Range, budget: Budget): TreeNode {
  return budget.spend(items.length) ? seqNode(items, range) : unknownOf(range);
}

function distinctItems(items: TreeNode[]): TreeNode[] {
  const out: TreeNode[] = [];
  for (const item of items) if (!out.some((o) => deepEqual(o, item))) out.push(item);
  return out;
}

function flattenInto(node: TreeNode, out: TreeNode[], depth: number): boolean {
  if (node.kind === 'unknown' || depth > 32) return false;
  if (node.kind !== 'seq') {
    out.push(node);
    return true;
  }
  for (const item of node.items) if (!flattenInto(item, out, depth + 1)) return false;
  return true;
}

function jsonEncode(node: TreeNode): string {
  // Terraform escapes <, > and & so the output is safe inside HTML.
  return JSON.stringify(toJson(node))
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026');
}

/** A subset of Go's fmt verbs, as Terraform's format() uses them. */
function formatString(spec: string, args: TreeNode[]): string | undefined {
  let next = 0;
  let failedVerb = false;
  let length = spec.length;
  const out = spec.replace(
    /%([-+# 0]*)(\d+)?(?:\.(\d+))?([%svdqtfbxXoeEgG])/g,
    (_m, flags: string, width, precision, verb) => {
      if (verb === '%') return '%';
      const arg = args[next++];
      if (!arg) {
        failedVerb = true;
        return '';
      }
      let text: string | undefined;
      switch (verb) {
        case 's':
        case 'v':
          text = arg.kind === 'scalar' ? asString(arg) : JSON.stringify(toJson(arg));
          break;
        case 'q':
          text = asString(arg) === undefined ? undefined : JSON.stringify(asString(arg));
          break;
        case 'd': {
          const n = asNumber(arg);
          text = n === undefined ? undefined : formatNumber(Math.trunc(n));
          break;
        }
        case 't': {
          const b = asBool(arg);
          text = b === undefined ? undefined : String(b);
          break;
        }
        case 'f': {
          const n = asNumber(arg);
          text = n === undefined ? undefined : n.toFixed(precision === undefined ? 6 : Number(precision));
          break;
        }
        case 'x':
        case 'X': {
          const n = asNumber(arg);
          text = n === undefined ? undefined : Math.trunc(n).toString(16);
          if (text && verb === 'X') text = text.toUpperCase();
          break;
        }
        default:
          text = undefined;
      }
      if (text === undefined) {
        failedVerb = true;
        return '';
      }
      length += text.length + 1000;
      if (length > MAX_STRING_LENGTH) {
        failedVerb = true;
        return '';
      }
      const size = width === undefined ? 0 : Math.min(Number(width), 1000);
      if (text.length < size) {
        text = flags.includes('-')
          ? text.padEnd(size)
          : text.padStart(size, flags.includes('0') && verb !== 's' ? '0' : ' ');
      }
      return text;
    },
  );
  return failedVerb ? undefined : out;
}

function toMapNode(node: TreeNode, range: Range): TreeNode {
  return node.kind === 'map' ? node : failed(range, node);
}

const FUNCTIONS = new Map<string, TerraformFunction>([
  [
    'jsonencode',
    (args, range) => {
      const value = args[0];
      if (!value || value.kind === 'unknown') return unknownOf(range, ...args);
      // A partly unknown document (a policy naming another resource's ARN) keeps its structure, with
      // unknown leaves, as CloudFormation's documents do: rules can still read the parts that are known.
      if (!isWhollyKnown(value)) return withRange(value, range);
      if (sizeOver(value, MAX_STRING_LENGTH)) return unknownOf(range);
      const text = jsonEncode(value);
      return text === undefined || text.length > MAX_STRING_LENGTH
        ? unknownOf(range)
        : scalarNode(text, range);
    },
  ],
  [
    'merge',
    shallow((args, range, budget) => {
      const pairs: [string, TreeNode][] = [];
      for (const arg of args) {
        if (isNull(arg)) continue;
        if (arg.kind !== 'map') return failed(range, arg);
        for (const e of arg.entries) pairs.push([e.key, e.value]);
      }
      return budget.spend(pairs.length) ? mapFrom(pairs, range) : unknownOf(range);
    }),
  ],
  [
    'lookup',
    (args, range) => {
      const [map, key, fallback] = args;
      if (!map || !key) return failed(range);
      if (map.kind === 'unknown' || key.kind === 'unknown') return unknownOf(range, map, key);
      const name = asString(key);
      if (map.kind !== 'map' || name === undefined) return failed(range, map);
      return lookupKey(map, name) ?? fallback ?? failed(range);
    },
  ],
  [
    'concat',
    shallow((args, range, budget) => {
      const items: TreeNode[] = [];
      for (const arg of args) {
        const inner = itemsOf(arg);
        if (!inner) return failed(range, arg);
        items.push(...inner);
      }
      return list(items, range, budget);
    }),
  ],
  [
    'format',
    known((args, range) => {
      const spec = args[0] ? asString(args[0]) : undefined;
      const text = spec === undefined ? undefined : formatString(spec, args.slice(1));
      if (text === undefined) return failed(range);
      return text.length > MAX_STRING_LENGTH ? unknownOf(range) : scalarNode(text, range);
    }),
  ],
  [
    'formatlist',
    known((args, range, budget) => {
      const spec = args[0] ? asString(args[0]) : undefined;
      if (spec === undefined) return failed(range);
      const rest = args.slice(1);
      const lengths = rest.filter((a) => a.kind === 'seq').map((a) => (a as SeqNode).items.length);
      const count = lengths.length ? Math.min(...lengths) : 1;
      if (!budget.spend(count)) return unknownOf(range);
      const items: TreeNode[] = [];
      let total = 0;
      for (let i = 0; i < count; i++) {
        const row = rest.map((a) => (a.kind === 'seq' ? (a.items[i] as TreeNode) : a));
        const text = formatString(spec, row);
        if (text === undefined) return failed(range);
        total += text.length;
        if (total > MAX_STRING_LENGTH) return unknownOf(range);
        items.push(scalarNode(text, range));
      }
      return seqNode(items, range);
    }),
  ],
  [
    'join',
    known((args, range) => {
      const separator = args[0] ? asString(args[0]) : undefined;
      if (separator === undefined) return failed(range);
      const parts: string[] = [];
      let length = 0;
      for (const arg of args.slice(1)) {
        const items = itemsOf(arg);
        if (!items) return failed(range);
        for (const item of items) {
          const text = asString(item);
          if (text === undefined) return failed(range);
          length += text.length + separator.length;
          if (length > MAX_STRING_LENGTH) return unknownOf(range);
          parts.push(text);
        }
      }
      return scalarNode(parts.join(separator), range);
    }),
  ],
  [
    'split',
    known((args, range, budget) => {
      const [separator, text] = args.map(asString);
      if (separator === undefined || text === undefined) return failed(range);
      const pieces = separator === '' ? [...text] : text.split(separator);
      return list(
        pieces.map((p) => scalarNode(p, range)),
        range,
        budget,
      );
    }),
  ],
  ['lower', str((s) => s.toLowerCase())],
  ['upper', str((s) => s.toUpperCase())],
  ['title', str((s) => s.replace(/\b\p{L}/gu, (c) => c.toUpperCase()))],
  ['trimspace', str((s) => s.trim())],
  [
    'trim',
    str((s, chars) => {
      const set = new Set(chars);
      let start = 0;
      let end = s.length;
      while (start < end && set.has(s[start] as string)) start++;
      while (end > start && set.has(s[end - 1] as string)) end--;
      return s.slice(start, end);
    }),
  ],
  ['trimprefix', str((s, prefix) => (s.startsWith(prefix) ? s.slice(prefix.length) : s))],
  ['trimsuffix', str((s, suffix) => (suffix && s.endsWith(suffix) ? s.slice(0, -suffix.length) : s))],
  ['startswith', str((s, prefix) => scalarNode(s.startsWith(prefix), { ...ZERO }))],
  ['endswith', str((s, suffix) => scalarNode(s.endsWith(suffix), { ...ZERO }))],
  ['strcontains', str((s, part) => scalarNode(s.includes(part), { ...ZERO }))],
  [
    'substr',
    known((args, range) => {
      const text = args[0] ? asString(args[0]) : undefined;
      const offset = args[1] ? asNumber(args[1]) : undefined;
      const length = args[2] ? asNumber(args[2]) : undefined;
      if (text === undefined || offset === undefined || length === undefined) return failed(range);
      const chars = [...text];
      const start = offset < 0 ? Math.max(0, chars.length + offset) : offset;
      return scalarNode(chars.slice(start, length < 0 ? undefined : start + length).join(''), range);
    }),
  ],
  // A /regex/ pattern is not evaluated: unknown rather than a regex engine over file-controlled patterns.
  [
    'replace',
    str((s, search, replacement) => {
      if (search.length > 1 && search.startsWith('/') && search.endsWith('/'))
        return { kind: 'unknown', range: ZERO };
      if (!search) return s;
      const pieces = s.split(search);
      if (s.length + (pieces.length - 1) * replacement.length > MAX_STRING_LENGTH)
        return { kind: 'unknown', range: ZERO };
      return pieces.join(replacement);
    }),
  ],
  [
    'tostring',
    (args, range) => {
      const arg = args[0];
      if (!arg) return failed(range);
      if (arg.kind === 'unknown') return arg;
      if (isNull(arg)) return arg;
      const text = asString(arg);
      return text === undefined ? failed(range, arg) : scalarNode(text, arg.range);
    },
  ],
  [
    'tonumber',
    (args, range) => {
      const arg = args[0];
      if (!arg) return failed(range);
      if (arg.kind === 'unknown' || isNull(arg)) return arg;
      const n = asNumber(arg);
      return n === undefined ? failed(range, arg) : scalarNode(n, arg.range);
    },
  ],
  [
    'tobool',
    (args, range) => {
      const arg = args[0];
      if (!arg) return failed(range);
      if (arg.kind === 'unknown' || isNull(arg)) return arg;
      const b = asBool(arg);
      return b === undefined ? failed(range, arg) : scalarNode(b, arg.range);
    },
  ],
  [
    'tolist',
    shallow((args, range) => {
      const arg = args[0];
      return arg?.kind === 'seq' || (arg && isNull(arg)) ? arg : failed(range, arg);
    }),
  ],
  [
    'toset',
    shallow((args, range) => {
      const arg = args[0];
      if (arg?.kind !== 'seq') return failed(range, arg);
      const unknown = anyUnknown(range, [arg]);
      return unknown ?? seqNode(distinctItems(arg.items), arg.range);
    }),
  ],
  ['tomap', shallow((args, range) => (args[0] ? toMapNode(args[0], range) : failed(range)))],
  [
    'coalesce',
    (args, range) => {
      for (const arg of args) {
        if (arg.kind === 'unknown') return unknownOf(range, ...args);
        if (isNull(arg) || (arg.kind === 'scalar' && arg.value === '')) continue;
        return arg;
      }
      return failed(range);
    },
  ],
  [
    'coalescelist',
    (args, range) => {
      for (const arg of args) {
        if (arg.kind === 'unknown') return unknownOf(range, ...args);
        if (arg.kind === 'seq' && arg.items.length) return arg;
      }
      return args.every((a) => a.kind === 'seq') ? seqNode([], range) : failed(range);
    },
  ],
  [
    'length',
    shallow((args, range) => {
      const arg = args[0];
      if (!arg) return failed(range);
      if (arg.kind === 'seq') return scalarNode(arg.items.length, range);
      if (arg.kind === 'map') return scalarNode(arg.entries.length, range);
      const text = asString(arg);
      return text === undefined ? failed(range, arg) : scalarNode([...text].length, range);
    }),
  ],
  [
    'contains',
    known((args, range) => {
      const [collection, value] = args;
      if (collection?.kind !== 'seq' || !value) return failed(range);
      return scalarNode(
        collection.items.some((item) => deepEqual(item, value)),
        range,
      );
    }),
  ],
  [
    'keys',
    shallow((args, range, budget) => {
      const arg = args[0];
      if (arg?.kind !== 'map') return failed(range, arg);
      const names = arg.entries.map((e) => e.key).sort();
      return list(
        names.map((k) => scalarNode(k, range)),
        range,
        budget,
      );
    }),
  ],
  [
    'values',
    shallow((args, range, budget) => {
      const arg = args[0];
      if (arg?.kind !== 'map') return failed(range, arg);
      const sorted = [...arg.entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      return list(
        sorted.map((e) => e.value),
        range,
        budget,
      );
    }),
  ],
  [
    'element',
    (args, range) => {
      const [collection, index] = args;
      if (!collection || !index) return failed(range);
      if (collection.kind === 'unknown' || index.kind === 'unknown')
        return unknownOf(range, collection, index);
      const n = asNumber(index);
      if (collection.kind !== 'seq' || n === undefined || !collection.items.length || n < 0)
        return failed(range);
      return collection.items[Math.trunc(n) % collection.items.length] as TreeNode;
    },
  ],
  [
    'index',
    known((args, range) => {
      const [collection, value] = args;
      if (collection?.kind !== 'seq' || !value) return failed(range);
      const at = collection.items.findIndex((item) => deepEqual(item, value));
      return at < 0 ? failed(range) : scalarNode(at, range);
    }),
  ],
  [
    'flatten',
    shallow((args, range, budget) => {
      const out: TreeNode[] = [];
      const arg = args[0];
      if (arg?.kind !== 'seq') return failed(range, arg);
      if (!flattenInto(arg, out, 0)) return unknownOf(range, arg);
      return list(out, range, budget);
    }),
  ],
  [
    'distinct',
    known((args, range, budget) => {
      const arg = args[0];
      if (arg?.kind !== 'seq') return failed(range);
      if (arg.items.length > 10_000) return unknownOf(range);
      return list(distinctItems(arg.items), range, budget);
    }),
  ],
  [
    'compact',
    shallow((args, range, budget) => {
      const arg = args[0];
      if (arg?.kind !== 'seq') return failed(range, arg);
      if (arg.items.some((i) => i.kind === 'unknown')) return unknownOf(range, arg);
      return list(
        arg.items.filter((i) => !isNull(i) && !(i.kind === 'scalar' && i.value === '')),
        range,
        budget,
      );
    }),
  ],
  [
    'reverse',
    shallow((args, range, budget) => {
      const arg = args[0];
      return arg?.kind === 'seq' ? list([...arg.items].reverse(), range, budget) : failed(range, arg);
    }),
  ],
  [
    'sort',
    known((args, range, budget) => {
      const arg = args[0];
      if (arg?.kind !== 'seq') return failed(range);
      const texts = arg.items.map(asString);
      if (texts.some((t) => t === undefined)) return failed(range);
      return list(
        (texts as string[]).sort().map((t) => scalarNode(t, range)),
        range,
        budget,
      );
    }),
  ],
  [
    'slice',
    (args, range, budget) => {
      const [collection, from, to] = args;
      if (!collection || !from || !to) return failed(range);
      const anyMissing = [collection, from, to].find((a) => a.kind === 'unknown');
      if (anyMissing) return unknownOf(range, collection, from, to);
      const start = asNumber(from);
      const end = asNumber(to);
      if (collection.kind !== 'seq' || start === undefined || end === undefined || start > end)
        return failed(range);
      return list(collection.items.slice(start, end), range, budget);
    },
  ],
  [
    'one',
    shallow((args, range) => {
      const arg = args[0];
      if (arg?.kind !== 'seq' || arg.items.length > 1) return failed(range, arg);
      return arg.items[0] ?? scalarNode(null, range);
    }),
  ],
  [
    'zipmap',
    known((args, range, budget) => {
      const [names, values] = args;
      if (names?.kind !== 'seq' || values?.kind !== 'seq' || names.items.length !== values.items.length)
        return failed(range);
      const pairs: [string, TreeNode][] = [];
      for (let i = 0; i < names.items.length; i++) {
        const key = asString(names.items[i] as TreeNode);
        if (key === undefined) return failed(range);
        pairs.push([key, values.items[i] as TreeNode]);
      }
      return budget.spend(pairs.length) ? mapFrom(pairs, range) : unknownOf(range);
    }),
  ],
  [
    'range',
    known((args, range, budget) => {
      const numbers = args.map(asNumber);
      if (numbers.some((n) => n === undefined) || !numbers.length || numbers.length > 3) return failed(range);
      const [a, b, c] = numbers as number[];
      const start = numbers.length === 1 ? 0 : (a as number);
      const end = numbers.length === 1 ? (a as number) : (b as number);
      const step = c ?? (start <= end ? 1 : -1);
      if (step === 0) return failed(range);
      const count = Math.max(0, Math.ceil((end - start) / step));
      if (count > 1024 || !budget.spend(count)) return unknownOf(range);
      return seqNode(
        Array.from({ length: count }, (_, i) => scalarNode(start + i * step, range)),
        range,
      );
    }),
  ],
  ['min', numeric((ns) => Math.min(...ns))],
  ['max', numeric((ns) => Math.max(...ns))],
  ['abs', numeric((ns) => Math.abs(ns[0] as number))],
  ['ceil', numeric((ns) => Math.ceil(ns[0] as number))],
  ['floor', numeric((ns) => Math.floor(ns[0] as number))],
  ['signum', numeric((ns) => Math.sign(ns[0] as number))],
  ['base64encode', str((s) => Buffer.from(s, 'utf8').toString('base64'))],
  ['base64decode', str((s) => Buffer.from(s, 'base64').toString('utf8'))],
  ['urlencode', str((s) => encodeURIComponent(s))],
  ['chomp', str((s) => s.replace(/(\r?\n)+$/, ''))],
  [
    'indent',
    known((args, range) => {
      const spaces = args[0] ? asNumber(args[0]) : undefined;
      const text = args[1] ? asString(args[1]) : undefined;
      if (spaces === undefined || text === undefined || spaces > 1000) return failed(range);
      const pad = ' '.repeat(Math.max(0, spaces));
      const lines = text.split('\n');
      if (text.length + lines.length * pad.length > MAX_STRING_LENGTH) return unknownOf(range);
      return scalarNode(lines.join(`\n${pad}`), range);
    }),
  ],
  [
    'alltrue',
    known((args, range) => {
      const arg = args[0];
      if (arg?.kind !== 'seq') return failed(range);
      return scalarNode(
        arg.items.every((i) => asBool(i) === true),
        range,
      );
    }),
  ],
  [
    'anytrue',
    known((args, range) => {
      const arg = args[0];
      if (arg?.kind !== 'seq') return failed(range);
      return scalarNode(
        arg.items.some((i) => asBool(i) === true),
        range,
      );
    }),
  ],
  [
    'setunion',
    known((args, range, budget) => {
      if (!args.every((a) => a.kind === 'seq')) return failed(range);
      return list(distinctItems(args.flatMap((a) => (a as SeqNode).items)), range, budget);
    }),
  ],
  // Sensitivity hides a value from Terraform's output, not from a static check.
  ['sensitive', (args, range) => args[0] ?? failed(range)],
  ['nonsensitive', (args, range) => args[0] ?? failed(range)],
  ['tuple', shallow((args, range) => (args[0]?.kind === 'seq' ? args[0] : failed(range)))],
  ['object', shallow((args, range) => (args[0] ? toMapNode(args[0], range) : failed(range)))],
]);

const ZERO: Range = { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };

function numeric(fn: (numbers: number[]) => number): TerraformFunction {
  return known((args, range) => {
    const numbers = args.map(asNumber);
    if (!numbers.length || numbers.some((n) => n === undefined)) return failed(range);
    return scalarNode(fn(numbers as number[]), range);
  });
}

// jsondecode needs the budget to build its tree, so it is defined apart from the string helpers.
FUNCTIONS.set(
  'jsondecode',
  known((args, range, budget) => {
    const text = args[0] ? asString(args[0]) : undefined;
    if (text === undefined) return failed(range);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return failed(range);
    }
    return fromPlain(parsed, range, budget);
  }),
);

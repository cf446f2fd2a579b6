import { FileError } from '../core/errors.js';
import type { Range } from '../core/types.js';
import { child, type MapEntry, type MapNode, refsIn, scalar, type TreeNode } from '../parsers/tree.js';
import {
  classifyString,
  type Expression,
  ExpressionError,
  parseExpression,
  printExpression,
} from './expression.js';
import { armString, formatString, PURE_FUNCTIONS } from './functions.js';
import {
  atRange,
  entryIgnoringCase,
  fromPlain,
  MAX_ARRAY_LENGTH,
  type Plain,
  plainOf,
  scalarNode,
  symbolOf,
  UNKNOWN,
  unknownNode,
} from './nodes.js';

/** Evaluation steps allowed per file: generous for real templates, a wall for hostile ones. */
export const MAX_EVALUATION_STEPS = 500_000;
/** Deepest chain of variables referring to variables (or parameters to parameters). */
const MAX_LOOKUP_DEPTH = 32;
/** Longest symbolic text built from parts; longer ones fall back to the expression's own text. */
const MAX_SYMBOL_LENGTH = 2048;
/** Distinct expression texts kept parsed per file. */
const MAX_CACHED_EXPRESSIONS = 20_000;
/** Items a `copy` loop on properties or variables produces at most. */
export const MAX_COPY_COUNT = 800;

/** Shared by every template (and nested template) of one file. */
export class Budget {
  private steps = 0;
  /** Parsed expressions by text: templates repeat the same expressions across resources and loops. */
  private readonly parsed = new Map<string, Expression | undefined>();

  /** The parsed expression, or undefined when the text is malformed. */
  parse(text: string): Expression | undefined {
    if (this.parsed.has(text)) return this.parsed.get(text);
    let expression: Expression | undefined;
    try {
      expression = parseExpression(text);
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
    }
    if (this.parsed.size < MAX_CACHED_EXPRESSIONS) this.parsed.set(text, expression);
    return expression;
  }

  tick(): void {
    if (++this.steps > MAX_EVALUATION_STEPS) {
      throw new FileError(
        'too-large',
        `ARM template evaluation exceeds ${MAX_EVALUATION_STEPS} steps`,
        undefined,
        'The template expands to more than Palisade evaluates (copy loops or deep variables); exclude it if it is generated.',
      );
    }
  }
}

/** Loop positions visible to `copyIndex()`: the resource loop and named property/variable loops. */
export interface LoopContext {
  /** Index of the enclosing resource copy loop; null when the count is unknown. */
  resource?: number | null;
  named: Map<string, number | null>;
}

export const NO_LOOPS: LoopContext = { named: new Map() };

interface Slot {
  raw: TreeNode | undefined;
  /** A variable defined by a top-level `copy` entry of `variables`. */
  copy?: MapNode;
  value?: TreeNode;
  busy?: boolean;
  /** Set for parameters given a value by the caller (a nested deployment with inner scope). */
  provided?: TreeNode;
}

/**
 * One template's evaluation scope: its parameters and variables, looked up ignoring case as ARM does,
 * evaluated lazily and at most once each.
 */
export class ArmTemplate {
  private readonly parameters = new Map<string, Slot>();
  private readonly variables = new Map<string, Slot>();
  private readonly functions = new Map<string, { parameters: string[]; output: TreeNode }>();
  private lookupDepth = 0;

  constructor(
    readonly root: MapNode,
    readonly budget: Budget,
    provided: Map<string, TreeNode> = new Map(),
  ) {
    const parameters = child(root, 'parameters');
    if (parameters?.kind === 'map') {
      for (const entry of parameters.entries) {
        const value = provided.get(entry.key.toLowerCase());
        this.parameters.set(entry.key.toLowerCase(), {
          raw: child(entry.value, 'defaultValue'),
          provided: value,
        });
      }
    }
    const functions = child(root, 'functions');
    if (functions?.kind === 'seq') {
      for (const group of functions.items) {
        const namespace = scalar(child(group, 'namespace'));
        const members = child(group, 'members');
        if (typeof namespace !== 'string' || members?.kind !== 'map') continue;
        for (const member of members.entries) {
          const output = child(child(member.value, 'output'), 'value');
          const parameters = child(member.value, 'parameters');
          const names =
            parameters?.kind === 'seq' ? parameters.items.map((p) => scalar(child(p, 'name'))) : [];
          if (output && names.every((n) => typeof n === 'string'))
            this.functions.set(`${namespace}.${member.key}`.toLowerCase(), {
              parameters: names as string[],
              output,
            });
        }
      }
    }
    const variables = child(root, 'variables');
    if (variables?.kind === 'map') {
      for (const entry of variables.entries) {
        if (entry.key.toLowerCase() === 'copy' && entry.value.kind === 'seq') {
          for (const loop of entry.value.items) {
            const name = scalar(child(loop, 'name'));
            if (loop.kind === 'map' && typeof name === 'string')
              this.variables.set(name.toLowerCase(), { raw: loop, copy: loop });
          }
        } else {
          this.variables.set(entry.key.toLowerCase(), { raw: entry.value });
        }
      }
    }
  }

  /** Evaluates a template value: expressions in strings, property copy loops in objects. */
  evaluate(node: TreeNode, loops: LoopContext = NO_LOOPS, depth = 0): TreeNode {
    this.budget.tick();
    if (depth > 200) return unknownNode(node.range);
    switch (node.kind) {
      case 'scalar':
        return typeof node.value === 'string' ? this.evaluateString(node.value, node.range, loops) : node;
      case 'seq':
        return {
          kind: 'seq',
          range: node.range,
          items: node.items.map((item) => this.evaluate(item, loops, depth + 1)),
        };
      case 'map':
        return this.evaluateMap(node, loops, depth);
      case 'unknown':
        return node;
    }
  }

  private evaluateMap(node: MapNode, loops: LoopContext, depth: number): MapNode {
    const entries: MapEntry[] = [];
    for (const entry of node.entries) {
      if (entry.key.toLowerCase() === 'copy' && entry.value.kind === 'seq' && isPropertyCopy(entry.value)) {
        for (const loop of entry.value.items)
          entries.push(...this.expandPropertyCopy(loop as MapNode, loops, depth));
        continue;
      }
      entries.push({
        key: entry.key,
        keyRange: entry.keyRange,
        value: this.evaluate(entry.value, loops, depth + 1),
      });
    }
    return { kind: 'map', range: node.range, entries };
  }

  /** `"copy": [{ "name": "disks", "count": 2, "input": {...} }]` becomes the property `disks`, a list. */
  private expandPropertyCopy(loop: MapNode, loops: LoopContext, depth: number): MapEntry[] {
    const nameEntry = entryIgnoringCase(loop, 'name');
    const name = nameEntry ? scalar(this.evaluate(nameEntry.value, loops, depth + 1)) : undefined;
    if (typeof name !== 'string' || !nameEntry) return [];
    return [{ key: name, keyRange: nameEntry.keyRange, value: this.copyItems(loop, name, loops, depth) }];
  }

  private copyItems(loop: MapNode, name: string, loops: LoopContext, depth: number): TreeNode {
    const countNode = entryIgnoringCase(loop, 'count')?.value;
    const input = entryIgnoringCase(loop, 'input')?.value;
    const count = countNode ? this.evaluate(countNode, loops, depth + 1) : undefined;
    if (!input || count?.kind !== 'scalar') return unknownNode(loop.range, count ? refsIn([count]) : []);
    const n = Number(count.value);
    // A list cut short would read as complete, so a loop beyond the limit is unknown instead.
    if (!Number.isInteger(n) || n < 0 || n > MAX_COPY_COUNT) return unknownNode(loop.range);
    const items: TreeNode[] = [];
    for (let i = 0; i < n; i++) {
      const named = new Map(loops.named);
      named.set(name.toLowerCase(), i);
      items.push(this.evaluate(input, { ...loops, named }, depth + 1));
    }
    return { kind: 'seq', range: loop.range, items };
  }

  private evaluateString(text: string, range: Range, loops: LoopContext): TreeNode {
    const classified = classifyString(text);
    if ('literal' in classified)
      return classified.literal === text ? scalarNode(text, range) : scalarNode(classified.literal, range);
    const expression = this.budget.parse(classified.expression);
    if (!expression) return unknownNode(range, [], text);
    return atRange(this.expression(expression, range, loops), range);
  }

  /** Evaluates a parsed expression; `range` is the string that holds it. */
  expression(expression: Expression, range: Range, loops: LoopContext): TreeNode {
    this.budget.tick();
    switch (expression.kind) {
      case 'string':
        return scalarNode(expression.value, range);
      case 'number':
        return scalarNode(expression.value, range);
      case 'property':
        return this.member(
          expression,
          this.expression(expression.target, range, loops),
          expression.name,
          range,
        );
      case 'index': {
        const target = this.expression(expression.target, range, loops);
        const index = this.expression(expression.index, range, loops);
        if (index.kind === 'unknown')
          return unknownNode(range, refsIn([target, index]), symbolText(expression));
        const key = scalar(index);
        if (typeof key === 'number' && target.kind === 'seq') {
          const item = target.items[key];
          return item ?? unknownNode(range, [], symbolText(expression));
        }
        if (typeof key === 'string') return this.member(expression, target, key, range);
        return target.kind === 'unknown'
          ? unknownNode(range, target.refs ?? [], symbolText(expression))
          : unknownNode(range, [], symbolText(expression));
      }
      case 'call':
        return this.call(expression, range, loops);
    }
  }

  private member(expression: Expression, target: TreeNode, name: string, range: Range): TreeNode {
    if (target.kind === 'map') {
      const found = entryIgnoringCase(target, name);
      if (found) return found.value;
    }
    return unknownNode(range, target.kind === 'unknown' ? (target.refs ?? []) : [], symbolText(expression));
  }

  private call(
    expression: Extract<Expression, { kind: 'call' }>,
    range: Range,
    loops: LoopContext,
  ): TreeNode {
    const name = expression.name.toLowerCase();
    const symbol = symbolText(expression);
    const lazyArgs = expression.args;
    switch (name) {
      case 'parameters':
      case 'variables': {
        const key = this.argString(lazyArgs[0], range, loops);
        if (key === undefined) return unknownNode(range, [], symbol);
        return this.lookup(name, key, range, symbol);
      }
      case 'copyindex':
        return this.copyIndex(lazyArgs, range, loops, symbol);
      case 'if': {
        if (lazyArgs.length !== 3) return unknownNode(range, [], symbol);
        const condition = this.expression(lazyArgs[0] as Expression, range, loops);
        const known = truthOf(condition);
        if (known !== undefined) return this.expression(lazyArgs[known ? 1 : 2] as Expression, range, loops);
        const [whenTrue, whenFalse] = [1, 2].map((i) =>
          this.expression(lazyArgs[i] as Expression, range, loops),
        );
        return joinBranches(whenTrue as TreeNode, whenFalse as TreeNode, range, symbol, refsIn([condition]));
      }
    }
    const args = lazyArgs.map((arg) => this.expression(arg, range, loops));
    const userFunction = this.functions.get(name);
    if (userFunction) return this.callUserFunction(userFunction, args, range, symbol);
    switch (name) {
      case 'createobject':
        return createObject(args, range, symbol);
      case 'createarray':
        return { kind: 'seq', range, items: args.slice(0, MAX_ARRAY_LENGTH) };
      case 'coalesce':
        for (const arg of args) {
          if (arg.kind === 'unknown') return unknownNode(range, refsIn(args), symbol);
          if (!(arg.kind === 'scalar' && arg.value === null)) return arg;
        }
        return scalarNode(null, range);
      case 'and':
      case 'or': {
        const truths = args.map(truthOf);
        const decisive = name === 'or'; // the value that settles the result on its own
        if (truths.includes(decisive)) return scalarNode(decisive, range);
        if (truths.every((t) => t !== undefined)) return scalarNode(!decisive, range);
        return unknownNode(range, refsIn(args), symbol);
      }
      case 'resourceid':
      case 'subscriptionresourceid':
      case 'tenantresourceid':
      case 'extensionresourceid':
        return resourceIdOf(name, args, expression.args, range, symbol);
      case 'reference':
        return unknownNode(range, referenceKeys(args[0]), symbol);
    }
    if (name.startsWith('list')) return unknownNode(range, referenceKeys(args[0]), symbol);
    const pure = PURE_FUNCTIONS.get(name);
    const plains = args.map((arg) => plainOf(arg));
    if (!pure || plains.includes(UNKNOWN)) {
      // Strings built from unknown parts keep a symbolic text, so names like `st[uniqueString(...)]` still match.
      const built = pure ? symbolicString(name, args, expression.args) : undefined;
      return unknownNode(range, refsIn(args), built ?? symbol);
    }
    try {
      return fromPlain(pure(plains as Plain[]), range);
    } catch {
      return unknownNode(range, refsIn(args), symbol);
    }
  }

  /**
   * A user-defined function: its output evaluated with only its own parameters in scope (ARM gives it no
   * variables and no other user functions), which also bounds the recursion.
   */
  private callUserFunction(
    definition: { parameters: string[]; output: TreeNode },
    args: TreeNode[],
    range: Range,
    symbol: string,
  ): TreeNode {
    if (args.length !== definition.parameters.length) return unknownNode(range, refsIn(args), symbol);
    const provided = new Map(
      definition.parameters.map((name, i) => [name.toLowerCase(), args[i] as TreeNode]),
    );
    const declarations: MapNode = {
      kind: 'map',
      range,
      entries: definition.parameters.map((name) => ({
        key: name,
        keyRange: range,
        value: { kind: 'map', range, entries: [] },
      })),
    };
    const scope = new ArmTemplate(
      { kind: 'map', range, entries: [{ key: 'parameters', keyRange: range, value: declarations }] },
      this.budget,
      provided,
    );
    const value = scope.evaluate(definition.output);
    return value.kind === 'unknown' && symbolOf(value) === undefined
      ? unknownNode(range, value.refs ?? [], symbol)
      : value;
  }

  private argString(arg: Expression | undefined, range: Range, loops: LoopContext): string | undefined {
    if (!arg) return undefined;
    const value = scalar(this.expression(arg, range, loops));
    return typeof value === 'string' ? value : undefined;
  }

  private lookup(kind: 'parameters' | 'variables', name: string, range: Range, symbol: string): TreeNode {
    const slot = (kind === 'parameters' ? this.parameters : this.variables).get(name.toLowerCase());
    if (!slot) return unknownNode(range, [], symbol);
    if (slot.provided) return slot.provided;
    if (slot.value) return slot.value;
    if (!slot.raw || slot.busy || this.lookupDepth >= MAX_LOOKUP_DEPTH) return unknownNode(range, [], symbol);
    slot.busy = true;
    this.lookupDepth++;
    try {
      const value = slot.copy ? this.copyItems(slot.copy, name, NO_LOOPS, 0) : this.evaluate(slot.raw);
      // An unknown value is named after what it stands for, unless its own evaluation named it better.
      slot.value =
        value.kind === 'unknown' && symbolOf(value) === undefined
          ? unknownNode(value.range, value.refs ?? [], symbol)
          : value;
      return slot.value;
    } finally {
      slot.busy = false;
      this.lookupDepth--;
    }
  }

  private copyIndex(args: Expression[], range: Range, loops: LoopContext, symbol: string): TreeNode {
    const values = args.map((arg) => scalar(this.expression(arg, range, loops)));
    const loopName = typeof values[0] === 'string' ? values[0] : undefined;
    const offsetValue = loopName === undefined ? values[0] : values[1];
    const offset = typeof offsetValue === 'number' ? offsetValue : 0;
    const index = loopName === undefined ? loops.resource : loops.named.get(loopName.toLowerCase());
    return typeof index === 'number' ? scalarNode(index + offset, range) : unknownNode(range, [], symbol);
  }
}

function isPropertyCopy(node: TreeNode): boolean {
  return (
    node.kind === 'seq' &&
    node.items.length > 0 &&
    node.items.every((item) => item.kind === 'map' && child(item, 'name') && child(item, 'input'))
  );
}

function symbolText(expression: Expression): string {
  return `[${printExpression(expression)}]`;
}

/** A known boolean, or undefined. ARM conditions also accept the strings "true"/"false". */
export function truthOf(node: TreeNode): boolean | undefined {
  const value = scalar(node);
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  return undefined;
}

/**
 * The value of `if()` when the condition is unknown: what both branches agree on stays known, the rest is
 * unknown (in objects, key by key; a key set in neither branch stays absent).
 */
function joinBranches(
  a: TreeNode,
  b: TreeNode,
  range: Range,
  symbol: string | undefined,
  extra: Set<string>,
  depth = 0,
): TreeNode {
  const plainA = plainOf(a);
  if (plainA !== UNKNOWN && JSON.stringify(plainA) === JSON.stringify(plainOf(b))) return a;
  if (a.kind === 'map' && b.kind === 'map' && depth < 32) {
    const other = new Map(b.entries.map((e) => [e.key, e] as const));
    const own = new Set(a.entries.map((e) => e.key));
    const entries: MapEntry[] = a.entries.map((item) => {
      const match = other.get(item.key);
      return {
        ...item,
        value: match
          ? joinBranches(item.value, match.value, item.value.range, undefined, extra, depth + 1)
          : unknownNode(item.value.range, refsIn([item.value], 0, new Set(extra))),
      };
    });
    for (const item of b.entries)
      if (!own.has(item.key))
        entries.push({
          ...item,
          value: unknownNode(item.value.range, refsIn([item.value], 0, new Set(extra))),
        });
    return { kind: 'map', range, entries };
  }
  return unknownNode(range, refsIn([a, b], 0, new Set(extra)), symbol);
}

function createObject(args: TreeNode[], range: Range, symbol: string): TreeNode {
  if (args.length % 2) return unknownNode(range, refsIn(args), symbol);
  const entries: MapEntry[] = [];
  for (let i = 0; i < args.length; i += 2) {
    const key = scalar(args[i]);
    if (typeof key !== 'string') return unknownNode(range, refsIn(args), symbol);
    entries.push({ key, keyRange: range, value: args[i + 1] as TreeNode });
  }
  return { kind: 'map', range, entries };
}

/** The symbolic text of `concat`/`format` over strings some of which are unknown. */
function symbolicString(name: string, args: TreeNode[], expressions: Expression[]): string | undefined {
  const part = (node: TreeNode, i: number): string | undefined => {
    if (node.kind === 'unknown')
      return symbolOf(node) ?? `[${printExpression(expressions[i] as Expression)}]`;
    const value = scalar(node);
    return value === undefined || value === null ? undefined : armString(value);
  };
  const parts = args.map(part);
  if (parts.includes(undefined)) return undefined;
  if (parts.reduce((total, p) => total + (p as string).length, 0) > MAX_SYMBOL_LENGTH) return undefined;
  if (name === 'concat') return (parts as string[]).join('');
  if (name === 'format' && args[0]?.kind === 'scalar') {
    try {
      return formatString(parts[0] as string, parts.slice(1) as string[]);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The key naming a resource by type and name: `Microsoft.Sql/servers/databases/srv/db`. */
export function resourceKey(type: string, name: string): string {
  return `${type}/${name}`;
}

/**
 * `resourceId([subscriptionId], [resourceGroupName], type, name...)` and its relatives. The ID holds the
 * deployment's subscription (and resource group) unless they are given, so it is usually unknown; it then
 * refers to the resource by its key. Name segments that are unknown take their symbolic text.
 */
function resourceIdOf(
  name: string,
  args: TreeNode[],
  expressions: Expression[],
  range: Range,
  symbol: string,
): TreeNode {
  const texts = args.map((arg, i) => {
    const value = scalar(arg);
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return String(value);
    return symbolOf(arg) ?? `[${printExpression(expressions[i] as Expression)}]`;
  });
  const known = args.map((arg) => arg.kind === 'scalar' && arg.value !== null);
  let scopeArgs = 0;
  let typeAt = -1;
  if (name === 'extensionresourceid') {
    typeAt = 1;
    scopeArgs = 1;
  } else {
    // The type is the first argument that looks like `Namespace/type`; arguments before it are scope.
    typeAt = args.findIndex((arg) => {
      const value = scalar(arg);
      return (
        typeof value === 'string' && /^[A-Za-z0-9.]+\/[A-Za-z0-9./]+$/.test(value) && value.includes('.')
      );
    });
    scopeArgs = typeAt;
  }
  const type = typeAt >= 0 ? scalar(args[typeAt]) : undefined;
  if (typeof type !== 'string') return unknownNode(range, refsIn(args), symbol);
  const names = texts.slice(typeAt + 1);
  const key = resourceKey(type, names.join('/'));
  const allKnown = known.every(Boolean);
  const segments = type.split('/');
  let path = `/providers/${segments[0]}`;
  segments.slice(1).forEach((segment, i) => {
    path += `/${segment}/${names[i] ?? ''}`;
  });
  if (allKnown) {
    const scope = texts.slice(0, scopeArgs);
    if (name === 'tenantresourceid') return scalarNode(path, range);
    if (name === 'extensionresourceid') return scalarNode(`${scope[0]}${path}`, range);
    if (name === 'subscriptionresourceid' && scope.length === 1)
      return scalarNode(`/subscriptions/${scope[0]}${path}`, range);
    if (name === 'resourceid' && scope.length === 2)
      return scalarNode(`/subscriptions/${scope[0]}/resourceGroups/${scope[1]}${path}`, range);
  }
  return unknownNode(range, [key, ...refsIn(args)], symbol);
}

/** What `reference(x)` and `list*(x)` refer to: a symbolic or plain name, a resource ID, or x's own refs. */
function referenceKeys(target: TreeNode | undefined): string[] {
  if (!target) return [];
  if (target.kind === 'unknown') return target.refs ?? [];
  const value = scalar(target);
  if (typeof value !== 'string') return [];
  const fromId = keyOfResourceId(value);
  return fromId ? [fromId, value] : [value];
}

/** `/subscriptions/s/resourceGroups/g/providers/NS/t1/n1/t2/n2` → `NS/t1/t2/n1/n2`. */
export function keyOfResourceId(id: string): string | undefined {
  const at = id.toLowerCase().lastIndexOf('/providers/');
  if (at < 0) return undefined;
  const [namespace, ...rest] = id.slice(at + '/providers/'.length).split('/');
  if (!namespace || rest.length < 2 || rest.length % 2) return undefined;
  const types = rest.filter((_, i) => i % 2 === 0);
  const names = rest.filter((_, i) => i % 2 === 1);
  return resourceKey([namespace, ...types].join('/'), names.join('/'));
}

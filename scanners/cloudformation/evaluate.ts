import { FileError } from '../core/errors.js';
import type { Range } from '../core/types.js';
import {
  child,
  type MapEntry,
  type MapNode,
  refsIn,
  scalar,
  type TreeNode,
  type UnknownNode,
} from '../parsers/tree.js';

/**
 * Evaluates CloudFormation intrinsic functions, in their long (`{ "Fn::Sub": ... }`) and short (`!Sub`)
 * forms, over a template's Parameters, Mappings and Conditions. What cannot be known statically (pseudo
 * parameters, attributes of resources, imports) becomes an UnknownNode whose `refs` name the resources it
 * comes from. `AWS::NoValue` removes the property that holds it.
 */

/** Marks a value that removes its property or list item (`!Ref AWS::NoValue`). */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');
export type Evaluated = TreeNode | typeof NO_VALUE;

/** Evaluation steps allowed per template: far beyond real templates, a wall for hostile ones. */
export const MAX_EVALUATION_STEPS = 500_000;
/** Longest string built by Fn::Sub, Fn::Join or Fn::Base64. */
export const MAX_STRING_LENGTH = 1024 * 1024;
/** Deepest nesting of values and conditions followed. */
const MAX_DEPTH = 200;

const PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
]);

interface ConditionSlot {
  raw: TreeNode;
  value?: boolean | null;
  busy?: boolean;
}

export class CfnTemplate {
  private readonly parameters = new Map<string, TreeNode | undefined>();
  private readonly mappings = new Map<string, MapNode>();
  private readonly conditions = new Map<string, ConditionSlot>();
  readonly logicalIds = new Set<string>();
  private steps = 0;

  constructor(root: MapNode) {
    const parameters = child(root, 'Parameters');
    if (parameters?.kind === 'map') {
      for (const { key, value } of parameters.entries) this.parameters.set(key, parameterValue(value));
    }
    const mappings = child(root, 'Mappings');
    if (mappings?.kind === 'map') {
      for (const { key, value } of mappings.entries) if (value.kind === 'map') this.mappings.set(key, value);
    }
    const conditions = child(root, 'Conditions');
    if (conditions?.kind === 'map') {
      for (const { key, value } of conditions.entries) this.conditions.set(key, { raw: value });
    }
    const resources = child(root, 'Resources');
    if (resources?.kind === 'map') for (const { key } of resources.entries) this.logicalIds.add(key);
  }

  private tick(): void {
    if (++this.steps > MAX_EVALUATION_STEPS) {
      throw new FileError(
        'too-large',
        `CloudFormation template evaluation exceeds ${MAX_EVALUATION_STEPS} steps`,
        undefined,
        'The template expands to more than Palisade evaluates; exclude it if it is generated.',
      );
    }
  }

  /** Evaluates a value: intrinsic functions are resolved, AWS::NoValue entries and items dropped. */
  evaluate(node: TreeNode, depth = 0): Evaluated {
    this.tick();
    if (depth > MAX_DEPTH) return unknownNode(node.range);
    const intrinsic = intrinsicOf(node);
    if (intrinsic) return this.intrinsic(intrinsic.name, intrinsic.argument, node.range, depth + 1);
    if (node.kind === 'map') {
      const entries: MapEntry[] = [];
      for (const item of node.entries) {
        const value = this.evaluate(item.value, depth + 1);
        if (value !== NO_VALUE) entries.push({ key: item.key, keyRange: item.keyRange, value });
      }
      return { kind: 'map', range: node.range, entries };
    }
    if (node.kind === 'seq') {
      const items: TreeNode[] = [];
      for (const item of node.items) {
        const value = this.evaluate(item, depth + 1);
        if (value !== NO_VALUE) items.push(value);
      }
      return { kind: 'seq', range: node.range, items };
    }
    if (node.tag) return untagged(node);
    return node;
  }

  /**
   * A resource's `Properties`. When they come from an `Fn::If` whose condition is unknown, a branch that
   * removes them (`AWS::NoValue`) reads as no properties, so settings neither branch makes keep their
   * defaults and the others are unknown.
   */
  properties(node: TreeNode, depth = 0): MapNode | undefined {
    const intrinsic = intrinsicOf(node);
    if (intrinsic?.name === 'If' && intrinsic.argument.kind === 'seq' && depth < MAX_DEPTH) {
      const [conditionNode, whenTrue, whenFalse] = intrinsic.argument.items;
      const name = scalar(conditionNode);
      if (typeof name === 'string' && whenTrue && whenFalse && this.condition(name) === undefined) {
        const branch = (value: TreeNode): MapNode =>
          this.properties(value, depth + 1) ?? { kind: 'map', range: value.range, entries: [] };
        const joined = joinBranches(branch(whenTrue), branch(whenFalse), node.range, 0);
        return joined !== NO_VALUE && joined.kind === 'map' ? joined : undefined;
      }
    }
    const value = this.evaluate(node, depth);
    return value !== NO_VALUE && value.kind === 'map' ? value : undefined;
  }

  /** Evaluates a value where removal makes no sense (a function argument): NoValue reads as unknown. */
  private value(node: TreeNode, depth: number): TreeNode {
    const value = this.evaluate(node, depth);
    return value === NO_VALUE ? unknownNode(node.range) : value;
  }

  /** A named condition's value: true, false, or undefined when it cannot be known. */
  condition(name: string, depth = 0): boolean | undefined {
    const slot = this.conditions.get(name);
    if (!slot || slot.busy || depth > MAX_DEPTH) return undefined;
    if (slot.value !== undefined) return slot.value ?? undefined;
    slot.busy = true;
    try {
      slot.value = this.conditionValue(slot.raw, depth + 1) ?? null;
    } finally {
      slot.busy = false;
    }
    return slot.value ?? undefined;
  }

  /** The truth of a condition expression: Fn::Equals/And/Or/Not, `Condition: name`, or a known boolean. */
  private conditionValue(node: TreeNode, depth: number): boolean | undefined {
    this.tick();
    if (depth > MAX_DEPTH) return undefined;
    const reference = conditionReference(node);
    if (reference !== undefined) return this.condition(reference, depth + 1);
    const value = this.evaluate(node, depth);
    return value === NO_VALUE ? undefined : truthOf(value);
  }

  private intrinsic(name: string, argument: TreeNode, range: Range, depth: number): Evaluated {
    switch (name) {
      case 'Ref':
        return this.ref(argument, range, depth);
      case 'GetAtt':
        return this.getAtt(argument, range, depth);
      case 'Sub':
        return this.sub(argument, range, depth);
      case 'Join':
        return this.join(argument, range, depth);
      case 'Select':
        return this.select(argument, range, depth);
      case 'Split':
        return this.split(argument, range, depth);
      case 'If':
        return this.if(argument, range, depth);
      case 'Equals':
      case 'And':
      case 'Or':
      case 'Not': {
        const truth = this.logic(name, argument, depth);
        return truth === undefined
          ? unknownNode(range, refsIn([this.value(argument, depth)]))
          : scalarNode(truth, range);
      }
      case 'Condition': {
        const conditionName = scalar(argument);
        const truth = typeof conditionName === 'string' ? this.condition(conditionName, depth) : undefined;
        return truth === undefined ? unknownNode(range) : scalarNode(truth, range);
      }
      case 'FindInMap':
        return this.findInMap(argument, range, depth);
      case 'Base64': {
        const text = scalar(this.value(argument, depth));
        return typeof text === 'string'
          ? scalarNode(Buffer.from(text, 'utf8').toString('base64'), range)
          : unknownNode(range, refsIn([this.value(argument, depth)]));
      }
      case 'Length': {
        const list = this.value(argument, depth);
        return list.kind === 'seq'
          ? scalarNode(list.items.length, range)
          : unknownNode(range, refsIn([list]));
      }
      case 'ToJsonString': {
        const value = this.value(argument, depth);
        const plain = plainOf(value);
        if (plain === UNKNOWN) return unknownNode(range, refsIn([value]));
        const text = JSON.stringify(plain);
        return text.length > MAX_STRING_LENGTH ? unknownNode(range) : scalarNode(text, range);
      }
      default:
        // Fn::GetAZs, Fn::ImportValue, Fn::Cidr, Fn::Transform, Fn::ForEach...: known only at deploy time.
        return unknownNode(range, refsIn([this.value(argument, depth)]));
    }
  }

  private ref(argument: TreeNode, range: Range, depth: number): Evaluated {
    const target = scalar(this.value(argument, depth));
    if (typeof target !== 'string') return unknownNode(range);
    if (target === 'AWS::NoValue') return NO_VALUE;
    if (this.logicalIds.has(target)) return unknownNode(range, [target]);
    if (PSEUDO_PARAMETERS.has(target) || !this.parameters.has(target)) return unknownNode(range);
    const value = this.parameters.get(target);
    return value ? atRange(value, range) : unknownNode(range);
  }

  private getAtt(argument: TreeNode, range: Range, depth: number): TreeNode {
    let target: unknown;
    if (argument.kind === 'seq') target = scalar(this.value(argument.items[0] ?? argument, depth));
    else {
      const text = scalar(argument);
      target = typeof text === 'string' ? text.split('.')[0] : undefined;
    }
    return typeof target === 'string' && this.logicalIds.has(target)
      ? unknownNode(range, [target])
      : unknownNode(range);
  }

  /** `Fn::Sub`: `${Param}`, `${Resource}`, `${Resource.Attr}`, `${AWS::Region}`, and `${!Literal}`. */
  private sub(argument: TreeNode, range: Range, depth: number): TreeNode {
    let template: unknown;
    const variables = new Map<string, TreeNode>();
    if (argument.kind === 'seq') {
      template = scalar(argument.items[0]);
      const map = argument.items[1];
      if (map?.kind === 'map')
        for (const item of map.entries) variables.set(item.key, this.value(item.value, depth));
    } else {
      template = scalar(argument);
    }
    if (typeof template !== 'string') return unknownNode(range, refsIn([this.value(argument, depth)]));
    let out = '';
    const refs = new Set<string>();
    let known = true;
    const pattern = /\$\{([^}]*)\}/g;
    let last = 0;
    for (let match = pattern.exec(template); match; match = pattern.exec(template)) {
      out += template.slice(last, match.index);
      last = match.index + match[0].length;
      const name = (match[1] as string).trim();
      if (name.startsWith('!')) {
        out += `\${${name.slice(1)}}`;
        continue;
      }
      const value = this.subVariable(name, variables, range);
      const text = scalar(value);
      if (value.kind === 'scalar' && text !== null && text !== undefined) out += String(text);
      else {
        known = false;
        for (const ref of refsIn([value])) refs.add(ref);
      }
      if (out.length > MAX_STRING_LENGTH) return unknownNode(range, refs);
    }
    out += template.slice(last);
    return known ? scalarNode(out, range) : unknownNode(range, refs);
  }

  private subVariable(name: string, variables: Map<string, TreeNode>, range: Range): TreeNode {
    const given = variables.get(name);
    if (given) return given;
    if (this.parameters.has(name) || PSEUDO_PARAMETERS.has(name) || this.logicalIds.has(name)) {
      const value = this.ref(scalarNode(name, range), range, 0);
      return value === NO_VALUE ? unknownNode(range) : value;
    }
    const resource = name.split('.')[0] as string;
    return this.logicalIds.has(resource) ? unknownNode(range, [resource]) : unknownNode(range);
  }

  private join(argument: TreeNode, range: Range, depth: number): TreeNode {
    const [delimiterNode, listNode] = argument.kind === 'seq' ? argument.items : [];
    const delimiter = delimiterNode ? scalar(this.value(delimiterNode, depth)) : undefined;
    const list = listNode ? this.value(listNode, depth) : undefined;
    if (typeof delimiter !== 'string' || list?.kind !== 'seq')
      return unknownNode(range, list ? refsIn([list]) : []);
    const parts: string[] = [];
    for (const item of list.items) {
      const value = scalar(item);
      if (item.kind !== 'scalar' || value === null || value === undefined)
        return unknownNode(range, refsIn([list]));
      parts.push(String(value));
    }
    const length = parts.reduce((total, part) => total + part.length + delimiter.length, 0);
    return length > MAX_STRING_LENGTH ? unknownNode(range) : scalarNode(parts.join(delimiter), range);
  }

  private select(argument: TreeNode, range: Range, depth: number): TreeNode {
    const [indexNode, listNode] = argument.kind === 'seq' ? argument.items : [];
    const index = indexNode ? Number(scalar(this.value(indexNode, depth))) : Number.NaN;
    const list = listNode ? this.value(listNode, depth) : undefined;
    if (list?.kind === 'seq' && Number.isInteger(index) && index >= 0) {
      const item = list.items[index];
      if (item) return atRange(item, range);
    }
    return unknownNode(range, list ? refsIn([list]) : []);
  }

  private split(argument: TreeNode, range: Range, depth: number): TreeNode {
    const [delimiterNode, textNode] = argument.kind === 'seq' ? argument.items : [];
    const delimiter = delimiterNode ? scalar(this.value(delimiterNode, depth)) : undefined;
    const textValue = textNode ? this.value(textNode, depth) : undefined;
    const text = scalar(textValue);
    if (typeof delimiter !== 'string' || !delimiter || typeof text !== 'string')
      return unknownNode(range, textValue ? refsIn([textValue]) : []);
    return { kind: 'seq', range, items: text.split(delimiter).map((part) => scalarNode(part, range)) };
  }

  private if(argument: TreeNode, range: Range, depth: number): Evaluated {
    const [conditionNode, whenTrue, whenFalse] = argument.kind === 'seq' ? argument.items : [];
    const name = scalar(conditionNode);
    if (typeof name !== 'string' || !whenTrue || !whenFalse) return unknownNode(range);
    const truth = this.condition(name, depth);
    if (truth !== undefined) {
      return this.evaluate(truth ? whenTrue : whenFalse, depth);
    }
    return joinBranches(this.evaluate(whenTrue, depth), this.evaluate(whenFalse, depth), range, 0);
  }

  private logic(name: string, argument: TreeNode, depth: number): boolean | undefined {
    const items = argument.kind === 'seq' ? argument.items : [argument];
    if (name === 'Equals') {
      const [a, b] = items.map((item) => plainOf(this.value(item, depth)));
      if (items.length !== 2 || a === UNKNOWN || b === UNKNOWN) return undefined;
      return (
        JSON.stringify(a) === JSON.stringify(b) ||
        (isScalarPlain(a) && isScalarPlain(b) && String(a) === String(b))
      );
    }
    const truths = items.map((item) => this.conditionValue(item, depth));
    if (name === 'Not') return truths.length === 1 && truths[0] !== undefined ? !truths[0] : undefined;
    const decisive = name === 'Or'; // the value that settles the result on its own
    if (truths.includes(decisive)) return decisive;
    return truths.every((t) => t !== undefined) ? !decisive : undefined;
  }

  private findInMap(argument: TreeNode, range: Range, depth: number): TreeNode {
    const items = argument.kind === 'seq' ? argument.items : [];
    const keys = items.slice(0, 3).map((item) => scalar(this.value(item, depth)));
    const options = items[3];
    const fallback = options?.kind === 'map' ? child(options, 'DefaultValue') : undefined;
    const unknownKeys = keys.some((key) => typeof key !== 'string' && typeof key !== 'number');
    if (keys.length === 3 && !unknownKeys) {
      const [mapName, topKey, secondKey] = keys.map(String) as [string, string, string];
      const found = child(child(this.mappings.get(mapName), topKey), secondKey);
      if (found) return atRange(this.value(found, depth), range);
    }
    if (fallback && !unknownKeys) return atRange(this.value(fallback, depth), range);
    return unknownNode(range);
  }
}

/**
 * The value of `Fn::If` when the condition is unknown: what both branches agree on stays known, the rest is
 * unknown. In maps, a key set in either branch is unknown unless both set it alike; a key set in neither
 * stays absent (its default holds either way).
 */
function joinBranches(a: Evaluated, b: Evaluated, range: Range, depth: number): Evaluated {
  if (a === NO_VALUE && b === NO_VALUE) return NO_VALUE;
  if (a === NO_VALUE || b === NO_VALUE)
    return unknownNode(range, refsIn([a === NO_VALUE ? (b as TreeNode) : a]));
  const plainA = plainOf(a);
  if (plainA !== UNKNOWN && JSON.stringify(plainA) === JSON.stringify(plainOf(b))) return a;
  if (a.kind === 'map' && b.kind === 'map' && depth < 32) {
    const other = new Map(b.entries.map((e) => [e.key, e] as const));
    const entries: MapEntry[] = [];
    for (const item of a.entries) {
      const match = other.get(item.key);
      const value = match
        ? joinBranches(item.value, match.value, item.value.range, depth + 1)
        : unknownNode(item.value.range, refsIn([item.value]));
      if (value !== NO_VALUE) entries.push({ ...item, value });
    }
    const own = new Set(a.entries.map((e) => e.key));
    for (const item of b.entries)
      if (!own.has(item.key))
        entries.push({ ...item, value: unknownNode(item.value.range, refsIn([item.value])) });
    return { kind: 'map', range, entries };
  }
  return unknownNode(range, refsIn([a, b]));
}

/** A parameter's value for `Ref`: its Default (or its only allowed value); lists split on commas. */
function parameterValue(declaration: TreeNode): TreeNode | undefined {
  const type = scalar(child(declaration, 'Type'));
  // The default of an SSM parameter type is the parameter's name, not its value.
  if (typeof type === 'string' && type.startsWith('AWS::SSM::Parameter::Value')) return undefined;
  let value = child(declaration, 'Default');
  const allowed = child(declaration, 'AllowedValues');
  if (!value && allowed?.kind === 'seq' && allowed.items.length === 1) value = allowed.items[0];
  if (value?.kind !== 'scalar' || value.tag) return value?.kind === 'seq' ? value : undefined;
  const isList = typeof type === 'string' && (type === 'CommaDelimitedList' || type.startsWith('List<'));
  if (isList && typeof value.value === 'string') {
    return {
      kind: 'seq',
      range: value.range,
      items: value.value.split(',').map((part) => scalarNode(part.trim(), value.range)),
    };
  }
  return value;
}

/**
 * A reference to a named condition inside a condition: `{ "Condition": "Name" }` or `!Condition Name`.
 * Elsewhere a `Condition` key is ordinary data (an IAM statement's, for instance).
 */
function conditionReference(node: TreeNode): string | undefined {
  let name: unknown;
  if (node.tag === '!Condition') name = scalar(untagged(node));
  else if (node.kind === 'map' && node.entries.length === 1 && node.entries[0]?.key === 'Condition')
    name = scalar(node.entries[0].value);
  return typeof name === 'string' ? name : undefined;
}

/** `!Name arg` or `{ "Fn::Name": arg }` / `{ "Ref": arg }`. */
export function intrinsicOf(node: TreeNode): { name: string; argument: TreeNode } | undefined {
  if (node.tag?.startsWith('!')) return { name: node.tag.slice(1), argument: untagged(node) };
  if (node.kind !== 'map' || node.entries.length !== 1) return undefined;
  const only = node.entries[0] as MapEntry;
  if (only.key === 'Ref') return { name: 'Ref', argument: only.value };
  if (only.key.startsWith('Fn::')) return { name: only.key.slice(4), argument: only.value };
  return undefined;
}

function untagged(node: TreeNode): TreeNode {
  const { tag: _tag, ...rest } = node;
  return rest as TreeNode;
}

/** A known boolean (CloudFormation also writes them as "true"/"false" strings), or undefined. */
export function truthOf(node: TreeNode): boolean | undefined {
  const value = scalar(node);
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  return undefined;
}

export function scalarNode(value: string | number | boolean | null, range: Range): TreeNode {
  return { kind: 'scalar', value, range };
}

export function unknownNode(range: Range, refs: Iterable<string> = []): UnknownNode {
  const unique = [...new Set(refs)];
  return unique.length ? { kind: 'unknown', range, refs: unique } : { kind: 'unknown', range };
}

/** The same value at the range where it is used; inner nodes keep the ranges where they are written. */
function atRange(node: TreeNode, range: Range): TreeNode {
  const { tag: _tag, ...rest } = node;
  return { ...rest, range } as TreeNode;
}

const UNKNOWN: unique symbol = Symbol('unknown');

function plainOf(node: TreeNode, depth = 0): unknown {
  if (depth > 128 || node.kind === 'unknown') return UNKNOWN;
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') {
    const items = node.items.map((item) => plainOf(item, depth + 1));
    return items.includes(UNKNOWN) ? UNKNOWN : items;
  }
  const entries = node.entries.map((e) => [e.key, plainOf(e.value, depth + 1)] as const);
  return entries.some(([, v]) => v === UNKNOWN) ? UNKNOWN : Object.fromEntries(entries);
}

function isScalarPlain(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

import type { Range } from '../core/types.js';
import type { MapEntry, TreeNode } from '../parsers/tree.js';
import type { Expr, Step, TemplatePart } from './ast.js';
import { callFunction } from './functions.js';
import {
  asBool,
  asNumber,
  asString,
  type Budget,
  deepEqual,
  failed,
  isNull,
  isWhollyKnown,
  lookupKey,
  MAX_STRING_LENGTH,
  mapFrom,
  relocate,
  scalarNode,
  seqNode,
  unknownOf,
  withRange,
} from './values.js';

/** Nested evaluation deeper than this (through locals, module outputs, expressions) gives unknown. */
export const MAX_EVALUATION_DEPTH = 400;

/** Resolves the root names of references: `var`, `local`, `module`, resource types, `data`, `path`. */
export interface RootResolver {
  /**
   * The value of `name` followed by `steps`, and how many steps it used. Undefined when the name is not a
   * reference this resolver knows (the evaluator then reports a failed value).
   */
  resolve(name: string, steps: Step[], range: Range, scope: Scope): { value: TreeNode; consumed: number };
}

/** Names in scope: bindings of `for` expressions, `count`, `each` and dynamic iterators over a module's names. */
export interface Scope {
  resolver: RootResolver;
  bindings?: Map<string, TreeNode>;
  parent?: Scope;
}

/** A scope that adds bindings to another. */
export function childScope(parent: Scope, bindings: Map<string, TreeNode>): Scope {
  return { resolver: parent.resolver, bindings, parent };
}

/** Evaluates Terraform expressions to TreeNodes, within a unit-wide budget. */
export class Evaluator {
  private depth = 0;

  constructor(readonly budget: Budget) {}

  evaluate(expr: Expr, scope: Scope): TreeNode {
    if (this.budget.exhausted || this.depth >= MAX_EVALUATION_DEPTH) return failed(expr.range);
    this.depth++;
    try {
      this.budget.spend();
      return this.evaluateInner(expr, scope);
    } finally {
      this.depth--;
    }
  }

  /** Runs `compute` one evaluation level deeper (lazy values that evaluate other expressions). */
  nested<T>(compute: () => T, fallback: () => T): T {
    if (this.depth >= MAX_EVALUATION_DEPTH) return fallback();
    this.depth++;
    try {
      return compute();
    } finally {
      this.depth--;
    }
  }

  private evaluateInner(expr: Expr, scope: Scope): TreeNode {
    switch (expr.t) {
      case 'literal':
        return scalarNode(expr.value, expr.range);
      case 'template':
        return this.template(expr.parts, expr.range, scope);
      case 'tuple':
        return seqNode(
          expr.items.map((item) => this.evaluate(item, scope)),
          expr.range,
        );
      case 'object':
        return this.object(expr, scope);
      case 'name':
      case 'traverse':
        return this.traversal(expr, scope);
      case 'splat':
        return this.splat(expr.target, expr.steps, expr.range, scope);
      case 'call':
        return this.call(expr, scope);
      case 'unary':
        return this.unary(expr.op, this.evaluate(expr.operand, scope), expr.range);
      case 'binary':
        return this.binary(expr.op, expr.left, expr.right, expr.range, scope);
      case 'conditional':
        return this.conditional(expr, scope);
      case 'for':
        return this.forExpression(expr, scope);
      case 'opaque':
        return unknownOf(expr.range);
    }
  }

  private object(expr: Extract<Expr, { t: 'object' }>, scope: Scope): TreeNode {
    const byKey = new Map<string, MapEntry>();
    const pending: TreeNode[] = [];
    for (const item of expr.items) {
      const key = this.evaluate(item.key, scope);
      const value = this.evaluate(item.value, scope);
      if (key.kind === 'unknown') {
        pending.push(key, value);
        continue;
      }
      const name = asString(key);
      if (name === undefined) return failed(expr.range, key);
      byKey.set(name, { key: name, keyRange: item.key.range, value });
    }
    // An object with a key that cannot be known is unknown as a whole.
    if (pending.length) return unknownOf(expr.range, ...pending, ...[...byKey.values()].map((e) => e.value));
    return { kind: 'map', range: expr.range, entries: [...byKey.values()] };
  }

  private traversal(expr: Expr, scope: Scope): TreeNode {
    const steps: Step[] = [];
    let root = expr;
    while (root.t === 'traverse') {
      steps.push(root.step);
      root = root.target;
    }
    steps.reverse();
    if (root.t !== 'name') return this.applySteps(this.evaluate(root, scope), steps, expr.range, scope);
    const bound = lookupBinding(scope, root.name);
    let value: TreeNode;
    let consumed = 0;
    if (bound) value = bound;
    else ({ value, consumed } = scope.resolver.resolve(root.name, steps, expr.range, scope));
    const result = this.applySteps(value, steps.slice(consumed), expr.range, scope);
    // A referenced value is used here: findings about it point at this reference.
    return relocate(result, expr.range, this.budget);
  }

  /** Applies attribute and index steps to a value. */
  applySteps(start: TreeNode, steps: Step[], range: Range, scope: Scope): TreeNode {
    let value = start;
    for (const step of steps) {
      if (value.kind === 'unknown') {
        if (step.kind === 'index') this.evaluate(step.key, scope);
        return unknownOf(range, value);
      }
      if (step.kind === 'attr') {
        if (value.kind !== 'map') return failed(range, value);
        const found = lookupKey(value, step.name);
        if (!found) return failed(range);
        value = found;
        continue;
      }
      const key = this.evaluate(step.key, scope);
      if (key.kind === 'unknown') return unknownOf(range, value, key);
      if (value.kind === 'seq') {
        const index = asNumber(key);
        const item = index === undefined ? undefined : value.items[index];
        if (!item) return failed(range);
        value = item;
      } else if (value.kind === 'map') {
        const name = asString(key);
        const found = name === undefined ? undefined : lookupKey(value, name);
        if (!found) return failed(range);
        value = found;
      } else {
        return failed(range, value);
      }
    }
    return value;
  }

  private splat(targetExpr: Expr, steps: Step[], range: Range, scope: Scope): TreeNode {
    const target = this.evaluate(targetExpr, scope);
    if (target.kind === 'unknown') return unknownOf(range, target);
    if (isNull(target)) return seqNode([], range);
    const items = target.kind === 'seq' ? target.items : [target];
    if (!this.budget.spend(items.length)) return unknownOf(range);
    return seqNode(
      items.map((item) => this.applySteps(item, steps, range, scope)),
      range,
    );
  }

  private call(expr: Extract<Expr, { t: 'call' }>, scope: Scope): TreeNode {
    let args = expr.args.map((arg) => this.evaluate(arg, scope));
    if (expr.expandLast && args.length) {
      const last = args[args.length - 1] as TreeNode;
      if (last.kind === 'unknown') return unknownOf(expr.range, ...args);
      if (last.kind !== 'seq') return failed(expr.range, last);
      args = [...args.slice(0, -1), ...last.items];
    }
    return callFunction(expr.name, args, expr.range, this.budget);
  }

  private unary(op: string, operand: TreeNode, range: Range): TreeNode {
    if (operand.kind === 'unknown') return unknownOf(range, operand);
    if (op === '!') {
      const b = asBool(operand);
      return b === undefined ? failed(range) : scalarNode(!b, range);
    }
    const n = asNumber(operand);
    return n === undefined ? failed(range) : scalarNode(-n, range);
  }

  private binary(op: string, leftExpr: Expr, rightExpr: Expr, range: Range, scope: Scope): TreeNode {
    const left = this.evaluate(leftExpr, scope);
    const right = this.evaluate(rightExpr, scope);
    if (op === '&&' || op === '||') {
      const a = left.kind === 'unknown' ? undefined : asBool(left);
      const b = right.kind === 'unknown' ? undefined : asBool(right);
      const decisive = op !== '&&';
      if (a === decisive || b === decisive) return scalarNode(decisive, range);
      if (left.kind === 'unknown' || right.kind === 'unknown') return unknownOf(range, left, right);
      if (a === undefined || b === undefined) return failed(range);
      return scalarNode(!decisive, range);
    }
    if (op === '==' || op === '!=') {
      if (!isWhollyKnown(left) || !isWhollyKnown(right)) return unknownOf(range, left, right);
      const equal = deepEqual(left, right);
      return scalarNode(op === '==' ? equal : !equal, range);
    }
    if (left.kind === 'unknown' || right.kind === 'unknown') return unknownOf(range, left, right);
    const a = asNumber(left);
    const b = asNumber(right);
    if (a === undefined || b === undefined) return failed(range);
    switch (op) {
      case '+':
        return scalarNode(a + b, range);
      case '-':
        return scalarNode(a - b, range);
      case '*':
        return scalarNode(a * b, range);
      case '/':
        return b === 0 ? failed(range) : scalarNode(a / b, range);
      case '%':
        return b === 0 ? failed(range) : scalarNode(a % b, range);
      case '<':
        return scalarNode(a < b, range);
      case '>':
        return scalarNode(a > b, range);
      case '<=':
        return scalarNode(a <= b, range);
      case '>=':
        return scalarNode(a >= b, range);
      default:
        return failed(range);
    }
  }

  private conditional(expr: Extract<Expr, { t: 'conditional' }>, scope: Scope): TreeNode {
    const cond = this.evaluate(expr.cond, scope);
    if (cond.kind === 'unknown') {
      // Either branch may be chosen: the value refers to what both refer to.
      return unknownOf(
        expr.range,
        cond,
        this.evaluate(expr.whenTrue, scope),
        this.evaluate(expr.whenFalse, scope),
      );
    }
    const b = asBool(cond);
    if (b === undefined) return failed(expr.range, cond);
    return this.evaluate(b ? expr.whenTrue : expr.whenFalse, scope);
  }

  private forExpression(expr: Extract<Expr, { t: 'for' }>, scope: Scope): TreeNode {
    const collection = this.evaluate(expr.collection, scope);
    if (collection.kind === 'unknown') return unknownOf(expr.range, collection);
    let pairs: Array<[TreeNode, TreeNode]>;
    if (collection.kind === 'seq') {
      pairs = collection.items.map((item, i) => [scalarNode(i, item.range), item]);
    } else if (collection.kind === 'map') {
      pairs = [...collection.entries]
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
        .map((e) => [scalarNode(e.key, e.keyRange), e.value]);
    } else {
      return failed(expr.range, collection);
    }
    if (!this.budget.spend(pairs.length)) return unknownOf(expr.range);
    const items: TreeNode[] = [];
    const grouped = new Map<string, TreeNode[]>();
    const keyed = new Map<string, TreeNode>();
    for (const [key, value] of pairs) {
      const bindings = new Map<string, TreeNode>();
      if (expr.keyVar) bindings.set(expr.keyVar, key);
      bindings.set(expr.valueVar, value);
      const inner = childScope(scope, bindings);
      if (expr.cond) {
        const keep = this.evaluate(expr.cond, inner);
        if (keep.kind === 'unknown') return unknownOf(expr.range, keep, collection);
        const b = asBool(keep);
        if (b === undefined) return failed(expr.range);
        if (!b) continue;
      }
      const value_ = this.evaluate(expr.value, inner);
      if (!expr.object) {
        items.push(value_);
        continue;
      }
      const keyValue = this.evaluate(expr.key as Expr, inner);
      if (keyValue.kind === 'unknown') return unknownOf(expr.range, keyValue, value_);
      const name = asString(keyValue);
      if (name === undefined) return failed(expr.range);
      if (expr.group) {
        const list = grouped.get(name);
        if (list) list.push(value_);
        else grouped.set(name, [value_]);
      } else {
        keyed.set(name, value_);
      }
    }
    if (!expr.object) return seqNode(items, expr.range);
    if (expr.group)
      return mapFrom(
        [...grouped].map(([k, v]) => [k, seqNode(v, expr.range)]),
        expr.range,
      );
    return mapFrom(keyed, expr.range);
  }

  private template(parts: TemplatePart[], range: Range, scope: Scope): TreeNode {
    const only = parts[0];
    // "${expr}" alone is the expression's value, not its string form.
    if (parts.length === 1 && only?.kind === 'interp')
      return withRange(this.evaluate(only.expr, scope), range);
    const pieces: string[] = [];
    const unknowns: TreeNode[] = [];
    let length = 0;
    const visit = (list: TemplatePart[]): boolean => {
      for (const part of list) {
        if (part.kind === 'text') {
          pieces.push(part.text);
          length += part.text.length;
        } else if (part.kind === 'interp') {
          const value = this.evaluate(part.expr, scope);
          if (value.kind === 'unknown') {
            unknowns.push(value);
            continue;
          }
          const text = asString(value);
          if (text === undefined) {
            unknowns.push(failed(range, value));
            continue;
          }
          pieces.push(text);
          length += text.length;
        } else if (part.kind === 'if') {
          const cond = this.evaluate(part.cond, scope);
          const b = cond.kind === 'unknown' ? undefined : asBool(cond);
          if (b === undefined) {
            unknowns.push(cond.kind === 'unknown' ? cond : failed(range));
            continue;
          }
          if (!visit(b ? part.whenTrue : part.whenFalse)) return false;
        } else {
          unknowns.push(unknownOf(range));
        }
        if (length > MAX_STRING_LENGTH) return false;
      }
      return true;
    };
    if (!visit(parts)) return unknownOf(range);
    if (unknowns.length) return unknownOf(range, ...unknowns);
    return scalarNode(pieces.join(''), range);
  }
}

function lookupBinding(scope: Scope | undefined, name: string): TreeNode | undefined {
  for (let s = scope; s; s = s.parent) {
    const value = s.bindings?.get(name);
    if (value) return value;
  }
  return undefined;
}

/** A value computed on first use; a value that needs itself (a cycle) is a failed unknown. */
export class Lazy {
  private state: 'pending' | 'running' | 'done' = 'pending';
  private value: TreeNode | undefined;

  constructor(private readonly compute: () => TreeNode) {}

  get(range: Range): TreeNode {
    if (this.state === 'done') return this.value as TreeNode;
    if (this.state === 'running') return failed(range);
    this.state = 'running';
    let value: TreeNode;
    try {
      value = this.compute();
    } catch {
      value = failed(range);
    }
    this.value = value;
    this.state = 'done';
    return value;
  }
}

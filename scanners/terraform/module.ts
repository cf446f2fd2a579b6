import path from 'node:path';
import type { Range, ScanErrorCode } from '../core/types.js';
import type { DeclaredResource } from '../model/declared.js';
import type { MapEntry, MapNode, TreeNode } from '../parsers/tree.js';
import type { HclAttribute, HclBlock, HclBody, HclFile, Step } from './ast.js';
import { childScope, type Evaluator, Lazy, type RootResolver, type Scope } from './evaluator.js';
import type { ModuleLoader } from './loader.js';
import {
  asBool,
  asNumber,
  asString,
  failed,
  isNull,
  mapFrom,
  scalarNode,
  seqNode,
  unknownOf,
  unknownRef,
  withRange,
} from './values.js';

/** count or for_each larger than this is not expanded: the resource is declared once, with unknown keys. */
export const MAX_EXPANSION = 1000;
/** Local modules nested deeper than this are not loaded. */
export const MAX_MODULE_DEPTH = 10;

/** What evaluating one scan unit shares: the evaluator and its budget, the module loader, the results. */
export interface UnitContext {
  evaluator: Evaluator;
  loader: ModuleLoader;
  declared: DeclaredResource[];
  /** A problem in a file (a resource without labels, a module folder refused). */
  problem(file: string, line: number | undefined, code: ScanErrorCode, message: string, hint?: string): void;
}

interface Located<T> {
  node: T;
  file: string;
}

/** One instance of a resource or module: its address suffix and the `count`/`each` it binds. */
interface Expansion {
  suffix: string;
  key: string | number | undefined;
  bindings: Map<string, TreeNode> | undefined;
}

interface ModuleCall {
  /** Known: each instance with its key; unknown count/for_each: one instance, and the call's value is unknown. */
  instances: Array<{ expansion: Expansion; instance: ModuleInstance }>;
  mode: 'single' | 'count' | 'for_each' | 'unknown' | 'remote';
}

/** Meta-arguments of resources that are not settings of the resource itself. */
const RESOURCE_META = new Set(['count', 'for_each', 'depends_on', 'provider']);
/** Arguments of module blocks that are not input variables. */
const MODULE_META = new Set(['source', 'version', 'count', 'for_each', 'depends_on', 'providers']);

/** One instance of a Terraform module (the root folder, or a local module called from it) being evaluated. */
export class ModuleInstance implements RootResolver {
  private readonly variables = new Map<string, Located<HclBlock>>();
  private readonly locals = new Map<string, Lazy>();
  private readonly outputs = new Map<string, Located<HclAttribute>>();
  private readonly calls = new Map<string, Located<HclBlock>>();
  private readonly resources: Located<HclBlock>[] = [];
  private readonly variableValues = new Map<string, Lazy>();
  private readonly expandedCalls = new Map<string, ModuleCall | 'running'>();
  private readonly moduleValues = new Map<string, Lazy>();
  private outputsValue: Lazy | undefined;
  readonly scope: Scope;

  constructor(
    private readonly unit: UnitContext,
    /** The module's folder, relative to the scan root. */
    readonly dir: string,
    files: HclFile[],
    /** `module.a.module.b.`: prefixes references and refKeys (no instance keys). */
    readonly refPrefix: string,
    /** `module.a[0].module.b.`: prefixes addresses. */
    readonly addressPrefix: string,
    private readonly inputs: Map<string, Lazy>,
    private readonly ancestry: string[],
    private readonly rootDir: string,
  ) {
    this.scope = { resolver: this };
    for (const file of files) this.collect(file);
  }

  private collect(file: HclFile): void {
    for (const block of file.body.blocks) {
      const located = { node: block, file: file.path };
      const [first, second] = block.labels;
      switch (block.type) {
        case 'variable':
          if (first !== undefined) this.variables.set(first, located);
          break;
        case 'locals':
          for (const attr of block.body.attributes) {
            this.locals.set(attr.name, new Lazy(() => this.unit.evaluator.evaluate(attr.expr, this.scope)));
          }
          break;
        case 'output': {
          const value = block.body.attributes.find((a) => a.name === 'value');
          if (first !== undefined && value) this.outputs.set(first, { node: value, file: file.path });
          break;
        }
        case 'module':
          if (first !== undefined) this.calls.set(first, located);
          break;
        case 'resource':
          if (first === undefined || second === undefined) {
            this.unit.problem(
              file.path,
              block.range.startLine,
              'parse-failed',
              'resource block without a type and a name; skipped',
              'Write resource "<type>" "<name>" { ... }.',
            );
          } else {
            this.resources.push(located);
          }
          break;
      }
    }
  }

  resolve(name: string, steps: Step[], range: Range): { value: TreeNode; consumed: number } {
    const first = steps[0];
    const firstName = first?.kind === 'attr' ? first.name : undefined;
    switch (name) {
      case 'var':
        return {
          value: firstName === undefined ? failed(range) : this.variable(firstName, range),
          consumed: 1,
        };
      case 'local': {
        const local = firstName === undefined ? undefined : this.locals.get(firstName);
        return { value: local ? local.get(range) : failed(range), consumed: 1 };
      }
      case 'module':
        return {
          value: firstName === undefined ? failed(range) : this.moduleValue(firstName, range),
          consumed: 1,
        };
      case 'data': {
        const second = steps[1];
        if (firstName === undefined || second?.kind !== 'attr')
          return { value: failed(range), consumed: steps.length };
        return {
          value: unknownRef(range, [`${this.refPrefix}data.${firstName}.${second.name}`]),
          consumed: steps.length,
        };
      }
      case 'path': {
        const value =
          firstName === 'module'
            ? this.dir
            : firstName === 'root' || firstName === 'cwd'
              ? this.rootDir
              : undefined;
        return { value: value === undefined ? failed(range) : scalarNode(value, range), consumed: 1 };
      }
      case 'terraform':
      case 'self':
      case 'count':
      case 'each':
        return { value: unknownOf(range), consumed: steps.length };
      default:
        // A resource: `aws_s3_bucket.logs.arn`, `aws_instance.web[0].id`. Its attributes are computed.
        if (firstName === undefined) return { value: failed(range), consumed: steps.length };
        return {
          value: unknownRef(range, [`${this.refPrefix}${name}.${firstName}`]),
          consumed: steps.length,
        };
    }
  }

  private variable(name: string, range: Range): TreeNode {
    let lazy = this.variableValues.get(name);
    if (!lazy) {
      const declared = this.variables.get(name);
      if (!declared) return failed(range);
      lazy = new Lazy(() => this.variableValue(name, declared.node, range));
      this.variableValues.set(name, lazy);
    }
    return lazy.get(range);
  }

  private variableValue(name: string, block: HclBlock, range: Range): TreeNode {
    const attrs = block.body.attributes;
    const given = this.inputs.get(name)?.get(range);
    const defaultAttr = attrs.find((a) => a.name === 'default');
    const nullable = attrs.find((a) => a.name === 'nullable');
    let value = given;
    const notNullable =
      nullable !== undefined && nullable.expr.t === 'literal' && nullable.expr.value === false;
    if (value === undefined || (notNullable && isNull(value))) {
      value = defaultAttr ? this.unit.evaluator.evaluate(defaultAttr.expr, this.scope) : unknownOf(range);
    }
    const type = attrs.find((a) => a.name === 'type');
    return type?.expr.t === 'name' ? convertPrimitive(value, type.expr.name) : value;
  }

  private moduleValue(name: string, range: Range): TreeNode {
    let lazy = this.moduleValues.get(name);
    if (!lazy) {
      lazy = new Lazy(() => this.computeModuleValue(name, range));
      this.moduleValues.set(name, lazy);
    }
    return lazy.get(range);
  }

  private computeModuleValue(name: string, range: Range): TreeNode {
    if (!this.calls.has(name)) return failed(range);
    const call = this.expandCall(name);
    const opaque = unknownRef(range, [`${this.refPrefix}module.${name}`]);
    if (!call || call.mode === 'remote' || call.mode === 'unknown') return opaque;
    const outputs = call.instances.map(({ expansion, instance }) => ({
      expansion,
      value: instance.outputsMap(range),
    }));
    if (call.mode === 'single') return outputs[0]?.value ?? opaque;
    if (call.mode === 'count')
      return seqNode(
        outputs.map((o) => o.value),
        range,
      );
    return mapFrom(
      outputs.map((o) => [String(o.expansion.key), o.value] as [string, TreeNode]),
      range,
    );
  }

  /** The module's outputs as one object value. */
  outputsMap(range: Range): TreeNode {
    this.outputsValue ??= new Lazy(() => {
      const entries: MapEntry[] = [];
      for (const [name, { node }] of this.outputs) {
        entries.push({
          key: name,
          keyRange: node.nameRange,
          value: this.unit.evaluator.evaluate(node.expr, this.scope),
        });
      }
      return { kind: 'map', range, entries };
    });
    return this.outputsValue.get(range);
  }

  /** Loads and expands a module call once; undefined while it is being expanded (a cycle). */
  private expandCall(name: string): ModuleCall | undefined {
    const existing = this.expandedCalls.get(name);
    if (existing === 'running') return undefined;
    if (existing) return existing;
    this.expandedCalls.set(name, 'running');
    const call = this.unit.evaluator.nested(
      () => this.loadCall(name),
      () => ({ instances: [], mode: 'remote' }) as ModuleCall,
    );
    this.expandedCalls.set(name, call);
    return call;
  }

  private loadCall(name: string): ModuleCall {
    const located = this.calls.get(name) as Located<HclBlock>;
    const { node: block, file } = located;
    const sourceAttr = block.body.attributes.find((a) => a.name === 'source');
    const source = sourceAttr
      ? asString(this.unit.evaluator.evaluate(sourceAttr.expr, this.scope))
      : undefined;
    const remote: ModuleCall = { instances: [], mode: 'remote' };
    if (!source || !(source.startsWith('./') || source.startsWith('../'))) return remote;
    const line = sourceAttr?.range.startLine;
    const dir = path.posix.normalize(path.posix.join(this.dir, source)).replace(/(.)\/+$/, '$1');
    if (this.ancestry.includes(dir) || dir === this.dir) {
      this.unit.problem(
        file,
        line,
        'parse-failed',
        `module ${name} calls ${source}, which calls itself; not loaded`,
      );
      return remote;
    }
    if (this.ancestry.length >= MAX_MODULE_DEPTH) {
      this.unit.problem(
        file,
        line,
        'too-deep',
        `modules nest deeper than ${MAX_MODULE_DEPTH} levels; ${name} not loaded`,
      );
      return remote;
    }
    const loaded = this.unit.loader.load(dir);
    // A folder that is not there (not checked out, generated later) is like a remote module: unknown.
    if ('missing' in loaded) return remote;
    if ('refused' in loaded) {
      this.unit.problem(
        file,
        line,
        'symlink-outside-root',
        loaded.refused,
        'Palisade reads local modules only inside the scanned folder.',
      );
      return remote;
    }
    const { expansions, known } = this.expand(block, this.scope);
    const mode: ModuleCall['mode'] = !known
      ? 'unknown'
      : block.body.attributes.some((a) => a.name === 'count')
        ? 'count'
        : block.body.attributes.some((a) => a.name === 'for_each')
          ? 'for_each'
          : 'single';
    const instances = expansions.map((expansion) => {
      const scope = expansion.bindings ? childScope(this.scope, expansion.bindings) : this.scope;
      const inputs = new Map<string, Lazy>();
      for (const attr of block.body.attributes) {
        if (MODULE_META.has(attr.name)) continue;
        inputs.set(attr.name, new Lazy(() => this.unit.evaluator.evaluate(attr.expr, scope)));
      }
      const instance = new ModuleInstance(
        this.unit,
        dir,
        loaded.module.files,
        `${this.refPrefix}module.${name}.`,
        `${this.addressPrefix}module.${name}${expansion.suffix}.`,
        inputs,
        [...this.ancestry, this.dir],
        this.rootDir,
      );
      return { expansion, instance };
    });
    return { instances, mode };
  }

  /**
   * The instances of a resource or module block: by `count` or `for_each` when known, none for a count of 0,
   * and one instance with unknown `count.index`/`each` when the expansion cannot be known.
   */
  expand(block: HclBlock, scope: Scope): { expansions: Expansion[]; known: boolean } {
    const { evaluator } = this.unit;
    const countAttr = block.body.attributes.find((a) => a.name === 'count');
    const forEachAttr = block.body.attributes.find((a) => a.name === 'for_each');
    const range = block.headerRange;
    const unknownExpansion = (
      name: 'count' | 'each',
      from: TreeNode,
    ): { expansions: Expansion[]; known: boolean } => ({
      expansions: [
        {
          suffix: '',
          key: undefined,
          bindings: new Map([[name, unknownOf(range, from)]]),
        },
      ],
      known: false,
    });
    if (countAttr) {
      const value = evaluator.evaluate(countAttr.expr, scope);
      const count = value.kind === 'unknown' ? undefined : asNumber(value);
      if (count === undefined || count > MAX_EXPANSION || count < 0) return unknownExpansion('count', value);
      return {
        expansions: Array.from({ length: Math.trunc(count) }, (_, i) => ({
          suffix: `[${i}]`,
          key: i,
          bindings: new Map([['count', mapFrom([['index', scalarNode(i, range)]], range)]]),
        })),
        known: true,
      };
    }
    if (forEachAttr) {
      const value = evaluator.evaluate(forEachAttr.expr, scope);
      let pairs: Array<[string, TreeNode]> | undefined;
      if (value.kind === 'map') {
        pairs = value.entries.map((e) => [e.key, e.value]);
      } else if (value.kind === 'seq' && value.items.every((i) => i.kind !== 'unknown')) {
        const keys = value.items.map(asString);
        if (keys.every((k) => k !== undefined)) {
          pairs = [...new Set(keys as string[])].map((k) => [k, scalarNode(k, range)]);
        }
      }
      if (!pairs || pairs.length > MAX_EXPANSION) return unknownExpansion('each', value);
      pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      return {
        expansions: pairs.map(([key, each]) => ({
          suffix: `[${JSON.stringify(key)}]`,
          key,
          bindings: new Map([
            [
              'each',
              mapFrom(
                [
                  ['key', scalarNode(key, range)],
                  ['value', each],
                ],
                range,
              ),
            ],
          ]),
        })),
        known: true,
      };
    }
    return { expansions: [{ suffix: '', key: undefined, bindings: undefined }], known: true };
  }

  /** Declares this module's resources and those of the local modules it calls. */
  declare(): void {
    for (const { node: block, file } of this.resources) {
      const [type, name] = block.labels as [string, string];
      const { expansions } = this.expand(block, this.scope);
      for (const expansion of expansions) {
        if (this.unit.evaluator.budget.exhausted) return;
        const scope = expansion.bindings ? childScope(this.scope, expansion.bindings) : this.scope;
        const resource: DeclaredResource = {
          family: 'terraform',
          type,
          address: `${this.addressPrefix}${type}.${name}${expansion.suffix}`,
          file,
          range: block.range,
          headerRange: block.headerRange,
          body: this.body(block.body, scope, block.range, RESOURCE_META),
          refKeys: [`${this.refPrefix}${type}.${name}`],
        };
        if (this.addressPrefix) resource.modulePath = this.addressPrefix.slice(0, -1);
        this.unit.declared.push(resource);
      }
    }
    for (const name of this.calls.keys()) {
      for (const { instance } of this.expandCall(name)?.instances ?? []) instance.declare();
    }
  }

  /** A block body as a map: attributes evaluated, each nested block type a list of maps (dynamic ones expanded). */
  body(body: HclBody, scope: Scope, range: Range, skip: Set<string>): MapNode {
    const entries: MapEntry[] = [];
    for (const attr of body.attributes) {
      if (skip.has(attr.name)) continue;
      const value = this.unit.evaluator.evaluate(attr.expr, scope);
      entries.push({ key: attr.name, keyRange: attr.nameRange, value: withRange(value, attr.expr.range) });
    }
    const blocks = new Map<string, MapEntry>();
    const add = (type: string, keyRange: Range, items: TreeNode[] | TreeNode) => {
      const existing = blocks.get(type);
      if (!Array.isArray(items)) {
        blocks.set(type, { key: type, keyRange, value: items });
        return;
      }
      if (existing?.value.kind === 'seq') existing.value.items.push(...items);
      else if (!existing) blocks.set(type, { key: type, keyRange, value: seqNode(items, keyRange) });
    };
    for (const block of body.blocks) {
      if (block.type === 'dynamic') {
        const type = block.labels[0];
        if (type) add(type, block.headerRange, this.dynamic(block, type, scope));
        continue;
      }
      add(block.type, block.headerRange, [this.body(block.body, scope, block.range, EMPTY)]);
    }
    entries.push(...blocks.values());
    return { kind: 'map', range, entries };
  }

  /** `dynamic "x" { for_each, iterator, content {} }`: the generated `x` blocks, or unknown. */
  private dynamic(block: HclBlock, type: string, scope: Scope): TreeNode[] | TreeNode {
    const { evaluator } = this.unit;
    const forEach = block.body.attributes.find((a) => a.name === 'for_each');
    const iteratorAttr = block.body.attributes.find((a) => a.name === 'iterator');
    const iterator = iteratorAttr?.expr.t === 'name' ? iteratorAttr.expr.name : type;
    const content = block.body.blocks.find((b) => b.type === 'content');
    if (!forEach || !content) return failed(block.range);
    const collection = evaluator.evaluate(forEach.expr, scope);
    let pairs: Array<[TreeNode, TreeNode]>;
    if (collection.kind === 'seq') {
      pairs = collection.items.map((item, i) => [scalarNode(i, item.range), item]);
    } else if (collection.kind === 'map') {
      pairs = collection.entries.map((e) => [scalarNode(e.key, e.keyRange), e.value]);
    } else {
      return unknownOf(block.range, collection);
    }
    if (pairs.length > MAX_EXPANSION || !evaluator.budget.spend(pairs.length))
      return unknownOf(block.range, collection);
    return pairs.map(([key, value]) => {
      const bound = mapFrom(
        [
          ['key', key],
          ['value', value],
        ],
        block.range,
      );
      const inner = childScope(scope, new Map([[iterator, bound]]));
      return this.body(content.body, inner, block.range, EMPTY);
    });
  }
}

const EMPTY = new Set<string>();

/** Converts a variable value to its declared primitive type, as Terraform does with `type = number`. */
function convertPrimitive(value: TreeNode, type: string): TreeNode {
  if (value.kind !== 'scalar' || value.value === null) return value;
  if (type === 'number') {
    const n = asNumber(value);
    return n === undefined ? value : scalarNode(n, value.range);
  }
  if (type === 'bool') {
    const b = asBool(value);
    return b === undefined ? value : scalarNode(b, value.range);
  }
  if (type === 'string') {
    const s = asString(value);
    return s === undefined ? value : scalarNode(s, value.range);
  }
  return value;
}

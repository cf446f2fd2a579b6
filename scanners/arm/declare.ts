import { FileError } from '../core/errors.js';
import type { Range } from '../core/types.js';
import { BUILTIN_KINDS } from '../kinds/index.js';
import type { DeclaredResource } from '../model/declared.js';
import type { SourceFile } from '../parsers/source-file.js';
import { entry, type MapEntry, type MapNode, refsIn, scalar, type TreeNode } from '../parsers/tree.js';
import { ArmTemplate, Budget, type LoopContext, NO_LOOPS, resourceKey, truthOf } from './evaluate.js';
import { entryIgnoringCase, headerOf, scalarNode, symbolOf, unknownNode } from './nodes.js';

/** Instances a resource `copy` loop declares at most; the rest add nothing a rule could not see already. */
export const MAX_RESOURCE_COPIES = 200;
/** Nested deployments followed inside one another. */
export const MAX_DEPLOYMENT_DEPTH = 5;
/** Resources declared per file. */
export const MAX_RESOURCES = 10_000;

const DEPLOYMENTS_TYPE = 'microsoft.resources/deployments';

interface Parent {
  type: string;
  name: string;
  /** False when the name holds a part that cannot be known (then it is symbolic text). */
  nameKnown: boolean;
  /** Keys of the parent and its own ancestors, nearest first. */
  ancestors: string[];
}

interface FileContext {
  file: SourceFile;
  budget: Budget;
  out: DeclaredResource[];
  addresses: Map<string, number>;
}

/**
 * The resources of an ARM template with every expression evaluated: child resources get their full type
 * and name, copy loops expand when their count is known, resources whose condition is false are left out,
 * and the resources of inline nested deployments are declared too.
 */
export function declareArm(file: SourceFile, parameterValues?: Map<string, TreeNode>): DeclaredResource[] {
  const context: FileContext = { file, budget: new Budget(), out: [], addresses: new Map() };
  for (const { tree } of file.documents) {
    if (!tree) continue;
    if (tree.kind !== 'map') throw malformed('an ARM template is a JSON object', tree.range);
    declareTemplate(new ArmTemplate(tree, context.budget, parameterValues), context, '', 0, NO_LOOPS, tree);
  }
  return context.out;
}

/** The parameter file that goes with a template by name: `azuredeploy.json` → `azuredeploy.parameters.json`. */
export function parameterFileName(templatePath: string): string {
  return templatePath.replace(/(\.json)?$/i, '.parameters.json');
}

/**
 * The values of a parameter file (`{ "parameters": { "name": { "value": ... } } }`), by lower-case name, to
 * pass to `declareArm`. Values are literals; Key Vault references (`reference`) are unknown.
 */
export function armParameterValues(file: SourceFile): Map<string, TreeNode> {
  const values = new Map<string, TreeNode>();
  const parameters = entryIgnoringCaseOf(file.documents[0]?.tree, 'parameters');
  if (parameters?.kind !== 'map') return values;
  for (const parameter of parameters.entries) {
    const value = entryIgnoringCaseOf(parameter.value, 'value');
    values.set(
      parameter.key.toLowerCase(),
      value ?? unknownNode(parameter.value.range, [], `[parameters('${parameter.key}')]`),
    );
  }
  return values;
}

function malformed(message: string, range: Range): FileError {
  return new FileError(
    'parse-failed',
    `malformed ARM template: ${message}`,
    range.startLine,
    'Fix the template structure at this line.',
  );
}

/** Declares the resources of `root` (a template object) evaluated in `template`'s scope. */
function declareTemplate(
  template: ArmTemplate,
  context: FileContext,
  prefix: string,
  depth: number,
  loops: LoopContext,
  root: MapNode,
): void {
  const resources = entry(root, 'resources')?.value;
  if (!resources) return;
  for (const { symbolic, node } of resourceList(resources))
    declareResource(template, context, node, symbolic, undefined, prefix, depth, loops);
}

/** A `resources` array, or (language version 2.0) an object keyed by symbolic name. */
function resourceList(resources: TreeNode): Array<{ symbolic?: string; node: TreeNode }> {
  if (resources.kind === 'seq') return resources.items.map((node) => ({ node }));
  if (resources.kind === 'map') return resources.entries.map((e) => ({ symbolic: e.key, node: e.value }));
  throw malformed('`resources` must be an array (or an object of symbolic names)', resources.range);
}

function declareResource(
  template: ArmTemplate,
  context: FileContext,
  node: TreeNode,
  symbolic: string | undefined,
  parent: Parent | undefined,
  prefix: string,
  depth: number,
  outerLoops: LoopContext,
): void {
  if (node.kind !== 'map') return; // declares nothing a rule could check; ARM itself rejects it
  const existing = entryIgnoringCase(node, 'existing')?.value;
  if (existing && truthOf(template.evaluate(existing, outerLoops))) return; // deployed elsewhere, only referred to
  const copy = entryIgnoringCase(node, 'copy')?.value;
  for (const loops of copyInstances(template, copy, outerLoops)) {
    const condition = entryIgnoringCase(node, 'condition')?.value;
    if (condition && truthOf(template.evaluate(condition, loops)) === false) continue;
    declareInstance(template, context, node, symbolic, parent, prefix, depth, loops);
  }
}

/** The loop contexts of a resource: one per copy index when the count is known, else a single one. */
function copyInstances(template: ArmTemplate, copy: TreeNode | undefined, loops: LoopContext): LoopContext[] {
  if (copy?.kind !== 'map') return [loops];
  const name = scalar(
    template.evaluate(entryIgnoringCase(copy, 'name')?.value ?? scalarNode(null, copy.range), loops),
  );
  const countNode = entryIgnoringCase(copy, 'count')?.value;
  const count = countNode ? scalar(template.evaluate(countNode, loops)) : undefined;
  const at = (index: number | null): LoopContext => {
    const named = new Map(loops.named);
    if (typeof name === 'string') named.set(name.toLowerCase(), index);
    return { resource: index, named };
  };
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return [at(null)];
  return Array.from({ length: Math.min(count, MAX_RESOURCE_COPIES) }, (_, i) => at(i));
}

function declareInstance(
  template: ArmTemplate,
  context: FileContext,
  node: MapNode,
  symbolic: string | undefined,
  parent: Parent | undefined,
  prefix: string,
  depth: number,
  loops: LoopContext,
): void {
  const typeEntry = entryIgnoringCase(node, 'type');
  const nameEntry = entryIgnoringCase(node, 'name');
  const typeValue = typeEntry ? scalar(template.evaluate(typeEntry.value, loops)) : undefined;
  if (typeof typeValue !== 'string' || !typeValue) return;
  const nameNode = nameEntry ? template.evaluate(nameEntry.value, loops) : unknownNode(node.range);
  const nameText = nameTextOf(nameNode, nameEntry?.value);
  // Inside a parent, a short type (`firewallRules`) and name extend the parent's; a full type stands alone.
  const nested = parent !== undefined && !typeValue.includes('/');
  const type = canonicalType(nested ? `${parent.type}/${typeValue}` : typeValue);
  const name = nested ? `${parent.name}/${nameText}` : nameText;
  const ownNameKnown = ['string', 'number'].includes(typeof scalar(nameNode));
  const nameKnown = nested ? parent.nameKnown && ownNameKnown : ownNameKnown;
  const ancestors = parent && nested ? parent.ancestors : ancestorKeys(type, name);

  const nameValue = nameKnown
    ? scalarNode(name, nameEntry?.value.range ?? node.range)
    : unknownNode(nameEntry?.value.range ?? node.range, refsIn([nameNode]), name);
  const body = resourceBody(template, node, loops, type, nameValue, nameEntry, ancestors);
  const key = resourceKey(type, name);
  const refKeys = [name, key];
  if (symbolic) refKeys.push(symbolic);
  if (context.out.length >= MAX_RESOURCES) {
    throw new FileError(
      'too-large',
      `ARM template declares more than ${MAX_RESOURCES} resources`,
      node.range.startLine,
    );
  }
  context.out.push({
    family: 'arm',
    type,
    address: uniqueAddress(context, `${prefix}${key}`),
    file: context.file.path,
    range: node.range,
    headerRange: typeEntry?.keyRange ?? headerOf(node.range),
    ...(prefix ? { modulePath: prefix.slice(0, -2) } : {}),
    body,
    refKeys: [...new Set(refKeys)],
  });

  const here: Parent = { type, name, nameKnown, ancestors: [key, ...ancestors] };
  const children = entryIgnoringCase(node, 'resources')?.value;
  if (children) {
    for (const { symbolic: childSymbolic, node: childNode } of resourceList(children))
      declareResource(template, context, childNode, childSymbolic, here, prefix, depth, loops);
  }
  if (type.toLowerCase() === DEPLOYMENTS_TYPE)
    declareNested(template, context, body, node, key, prefix, depth, loops);
}

let canonicalTypes: Map<string, string> | undefined;

/**
 * ARM resource types are case-insensitive (`microsoft.insights/components` is common in exported
 * templates); they are spelled as the kind definitions spell them, so kinds find them.
 */
export function canonicalType(type: string): string {
  if (!canonicalTypes) {
    canonicalTypes = new Map();
    for (const definition of BUILTIN_KINDS) {
      for (const mapping of [...definition.sources, ...(definition.attachments ?? [])]) {
        if (mapping.family !== 'arm') continue;
        for (const known of mapping.types) canonicalTypes.set(known.toLowerCase(), known);
      }
    }
  }
  return canonicalTypes.get(type.toLowerCase()) ?? type;
}

/** The name as text: its value, or the symbolic text of the expression that computes it. */
function nameTextOf(evaluated: TreeNode, raw: TreeNode | undefined): string {
  const value = scalar(evaluated);
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  const symbol = symbolOf(evaluated);
  if (symbol !== undefined) return symbol;
  const rawValue = scalar(raw);
  return typeof rawValue === 'string' ? rawValue : '[unknown]';
}

/** Keys of the parents implied by a full child type and name: `NS/a/b` named `x/y` has parent `NS/a/x`. */
function ancestorKeys(type: string, name: string): string[] {
  const types = type.split('/');
  const names = nameSegments(name);
  const keys: string[] = [];
  // Types have one more segment (the namespace) than names; a mismatch means the name is not splittable.
  if (types.length !== names.length + 1) return keys;
  for (let depth = names.length - 1; depth >= 1; depth--)
    keys.push(resourceKey(types.slice(0, depth + 1).join('/'), names.slice(0, depth).join('/')));
  return keys;
}

/** A name's `/`-separated segments; a `/` inside the `[...]` symbolic text of an unknown part does not split. */
function nameSegments(name: string): string[] {
  const segments: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < name.length; i++) {
    const char = name[i];
    if (char === '[') depth++;
    else if (char === ']') depth = Math.max(0, depth - 1);
    else if (char === '/' && depth === 0) {
      segments.push(name.slice(start, i));
      start = i + 1;
    }
  }
  segments.push(name.slice(start));
  return segments;
}

/**
 * The evaluated resource object: `type` and `name` in full, child resources and the resource copy loop left
 * out (they are declared separately), and `$ancestors` listing the keys of the parent resources, nearest
 * first, so kind attachments can follow a child to its parent.
 */
function resourceBody(
  template: ArmTemplate,
  node: MapNode,
  loops: LoopContext,
  type: string,
  name: TreeNode,
  nameEntry: MapEntry | undefined,
  ancestors: string[],
): MapNode {
  const entries: MapEntry[] = [];
  for (const item of node.entries) {
    const lower = item.key.toLowerCase();
    if (lower === 'resources' || lower === 'copy') continue;
    if (lower === 'type') {
      entries.push({ ...item, value: scalarNode(type, item.value.range) });
    } else if (lower === 'name') {
      entries.push({ ...item, value: name });
    } else if (lower === 'properties' && type.toLowerCase() === DEPLOYMENTS_TYPE) {
      entries.push({ ...item, value: deploymentProperties(template, item.value, loops) });
    } else if (lower === 'scope' || lower === 'dependson') {
      entries.push({ ...item, value: referring(template.evaluate(item.value, loops)) });
    } else {
      entries.push({ ...item, value: template.evaluate(item.value, loops) });
    }
  }
  if (!nameEntry) entries.push({ key: 'name', keyRange: headerOf(node.range), value: name });
  if (ancestors.length) {
    const range = headerOf(node.range);
    entries.push({
      key: '$ancestors',
      keyRange: range,
      value: { kind: 'seq', range, items: ancestors.map((key) => scalarNode(key, range)) },
    });
  }
  return { kind: 'map', range: node.range, entries };
}

/**
 * `scope` and `dependsOn` name other resources, often as `Microsoft.X/type/name` text built by `format` or
 * `concat`: when the name inside cannot be known, its symbolic text still refers to the resource.
 */
function referring(node: TreeNode): TreeNode {
  if (node.kind === 'seq') return { ...node, items: node.items.map(referring) };
  const symbol = symbolOf(node);
  if (node.kind !== 'unknown' || symbol === undefined || !/^[A-Za-z0-9.]+\/[^/]+\/./.test(symbol))
    return node;
  return unknownNode(node.range, [...(node.refs ?? []), symbol], symbol);
}

/** A deployment's properties; its inline template is declared resource by resource, not evaluated here. */
function deploymentProperties(template: ArmTemplate, properties: TreeNode, loops: LoopContext): TreeNode {
  if (properties.kind !== 'map') return template.evaluate(properties, loops);
  return {
    kind: 'map',
    range: properties.range,
    entries: properties.entries.map((item) => ({
      ...item,
      value:
        item.key.toLowerCase() === 'template'
          ? unknownNode(item.value.range)
          : template.evaluate(item.value, loops),
    })),
  };
}

/**
 * Declares the resources of a nested deployment's inline template. With the default `outer` scope its
 * expressions see the parent template's parameters and variables; with `inner` scope it is a template of
 * its own, given the deployment's `parameters` values.
 */
function declareNested(
  template: ArmTemplate,
  context: FileContext,
  body: MapNode,
  node: MapNode,
  key: string,
  prefix: string,
  depth: number,
  loops: LoopContext,
): void {
  const properties = entryIgnoringCase(node, 'properties')?.value;
  const inner = properties?.kind === 'map' ? entryIgnoringCase(properties, 'template')?.value : undefined;
  if (properties?.kind !== 'map' || inner?.kind !== 'map' || depth >= MAX_DEPLOYMENT_DEPTH) return;
  const options = entryIgnoringCaseOf(entryIgnoringCaseOf(body, 'properties'), 'expressionEvaluationOptions');
  const scope = scalar(entryIgnoringCaseOf(options, 'scope'));
  const innerPrefix = `${prefix}${key}::`;
  if (typeof scope === 'string' && scope.toLowerCase() === 'inner') {
    const provided = new Map<string, TreeNode>();
    const parameters = entryIgnoringCase(properties, 'parameters')?.value;
    if (parameters?.kind === 'map') {
      for (const parameter of parameters.entries) {
        const value = entryIgnoringCaseOf(parameter.value, 'value');
        provided.set(
          parameter.key.toLowerCase(),
          value
            ? template.evaluate(value, loops)
            : unknownNode(parameter.value.range, [], `[parameters('${parameter.key}')]`),
        );
      }
    }
    declareTemplate(
      new ArmTemplate(inner, template.budget, provided),
      context,
      innerPrefix,
      depth + 1,
      NO_LOOPS,
      inner,
    );
  } else {
    declareTemplate(template, context, innerPrefix, depth + 1, loops, inner);
  }
}

function entryIgnoringCaseOf(node: TreeNode | undefined, key: string): TreeNode | undefined {
  return node?.kind === 'map' ? entryIgnoringCase(node, key)?.value : undefined;
}

/** Addresses are unique per file: a repeated one (a copy loop with a constant name) gets `#2`, `#3`... */
function uniqueAddress(context: FileContext, address: string): string {
  const seen = context.addresses.get(address) ?? 0;
  context.addresses.set(address, seen + 1);
  return seen ? `${address}#${seen + 1}` : address;
}

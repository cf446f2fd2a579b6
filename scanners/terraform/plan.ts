import type { Range } from '../core/types.js';
import type { DeclaredResource } from '../model/declared.js';
import type { SourceFile } from '../parsers/source-file.js';
import { child, entry, type MapEntry, type MapNode, scalar, type TreeNode } from '../parsers/tree.js';

/** Nested values deeper than this are not overlaid with unknown markers. */
const MAX_VALUE_DEPTH = 64;

/**
 * The resources of a Terraform plan (`terraform show -json`): every managed resource of `planned_values`,
 * child modules included. Values the plan cannot know yet (`after_unknown`) and sensitive values are
 * unknown; unknown top-level attributes refer to the resources their configuration expression names.
 */
export function declareTerraformPlan(file: SourceFile): DeclaredResource[] {
  const tree = file.documents[0]?.tree;
  const declared: DeclaredResource[] = [];
  const root = child(child(tree, 'planned_values'), 'root_module');
  if (!tree || root?.kind !== 'map') return declared;
  const changes = new Map<string, TreeNode>();
  const changeList = child(tree, 'resource_changes');
  if (changeList?.kind === 'seq') {
    for (const change of changeList.items) {
      const address = scalar(child(change, 'address'));
      const after = child(change, 'change');
      if (typeof address === 'string' && after) changes.set(address, after);
    }
  }
  const configuration = child(child(tree, 'configuration'), 'root_module');
  const visit = (module: TreeNode, depth: number) => {
    if (depth > 32) return;
    const resources = child(module, 'resources');
    if (resources?.kind === 'seq') {
      for (const resource of resources.items) {
        const declaredResource = declareOne(file, resource, changes, configuration);
        if (declaredResource) declared.push(declaredResource);
      }
    }
    const children = child(module, 'child_modules');
    if (children?.kind === 'seq') for (const inner of children.items) visit(inner, depth + 1);
  };
  visit(root, 0);
  return declared;
}

function declareOne(
  file: SourceFile,
  resource: TreeNode,
  changes: Map<string, TreeNode>,
  configuration: TreeNode | undefined,
): DeclaredResource | undefined {
  if (resource.kind !== 'map' || scalar(child(resource, 'mode')) !== 'managed') return undefined;
  const address = scalar(child(resource, 'address'));
  const type = scalar(child(resource, 'type'));
  const name = scalar(child(resource, 'name'));
  if (typeof address !== 'string' || typeof type !== 'string' || typeof name !== 'string') return undefined;
  const modulePath = modulePathOf(address, type, name);
  const refPrefix = modulePath ? `${stripKeys(modulePath)}.` : '';
  const values = child(resource, 'values');
  let body: MapNode = values?.kind === 'map' ? values : { kind: 'map', entries: [], range: resource.range };
  const change = changes.get(address);
  body = overlay(body, child(change, 'after_unknown'), 0) as MapNode;
  body = overlay(body, child(change, 'after_sensitive'), 0) as MapNode;
  body = overlay(body, child(resource, 'sensitive_values'), 0) as MapNode;
  body = addReferences(body, configurationOf(configuration, modulePath, type, name), refPrefix);
  const header = entry(resource, 'address')?.keyRange ?? firstLine(resource.range);
  const declared: DeclaredResource = {
    family: 'terraform',
    type,
    address,
    file: file.path,
    range: resource.range,
    headerRange: header,
    body,
    refKeys: [`${refPrefix}${type}.${name}`],
  };
  if (modulePath) declared.modulePath = modulePath;
  return declared;
}

/** `module.a["x"].module.b.aws_s3_bucket.logs[0]` → `module.a["x"].module.b`. */
function modulePathOf(address: string, type: string, name: string): string | undefined {
  const marker = `${type}.${name}`;
  const at = address.lastIndexOf(marker);
  if (at <= 0) return undefined;
  const prefix = address.slice(0, at);
  return prefix.endsWith('.') ? prefix.slice(0, -1) : undefined;
}

function stripKeys(modulePath: string): string {
  return modulePath.replace(/\[[^\]]*\]/g, '');
}

/**
 * Marks the parts of `values` that `marks` flags as true unknown (after_unknown, sensitive values). A flagged
 * attribute that the plan leaves out of `values` is added as unknown.
 */
function overlay(values: TreeNode, marks: TreeNode | undefined, depth: number): TreeNode {
  if (!marks || depth > MAX_VALUE_DEPTH) return values;
  if (marks.kind === 'scalar' && marks.value === true) return { kind: 'unknown', range: values.range };
  if (marks.kind === 'map' && values.kind === 'map') {
    const entries: MapEntry[] = values.entries.map((e) => ({
      ...e,
      value: overlay(e.value, child(marks, e.key), depth + 1),
    }));
    for (const mark of marks.entries) {
      if (
        mark.value.kind === 'scalar' &&
        mark.value.value === true &&
        !entries.some((e) => e.key === mark.key)
      )
        entries.push({
          key: mark.key,
          keyRange: mark.keyRange,
          value: { kind: 'unknown', range: mark.value.range },
        });
    }
    return { ...values, entries };
  }
  if (marks.kind === 'seq' && values.kind === 'seq') {
    return { ...values, items: values.items.map((item, i) => overlay(item, marks.items[i], depth + 1)) };
  }
  return values;
}

/** The configuration block of a resource, for the references of its expressions. */
function configurationOf(
  rootModule: TreeNode | undefined,
  modulePath: string | undefined,
  type: string,
  name: string,
): TreeNode | undefined {
  let module = rootModule;
  if (modulePath) {
    for (const call of stripKeys(modulePath)
      .split('.')
      .filter((_part, i) => i % 2 === 1)) {
      module = child(child(child(module, 'module_calls'), call), 'module');
    }
  }
  const resources = child(module, 'resources');
  if (resources?.kind !== 'seq') return undefined;
  return resources.items.find((r) => scalar(child(r, 'type')) === type && scalar(child(r, 'name')) === name);
}

/** Unknown top-level attributes refer to the resources their configuration expression references. */
function addReferences(body: MapNode, config: TreeNode | undefined, refPrefix: string): MapNode {
  const expressions = child(config, 'expressions');
  if (expressions?.kind !== 'map') return body;
  return {
    ...body,
    entries: body.entries.map((e) => {
      if (e.value.kind !== 'unknown') return e;
      const references = child(child(expressions, e.key), 'references');
      if (references?.kind !== 'seq') return e;
      const refs = references.items
        .map((r) => scalar(r))
        .filter((r): r is string => typeof r === 'string')
        .map((r) => resourceAddress(r))
        .filter((r): r is string => r !== undefined)
        .map((r) => `${refPrefix}${r}`);
      return refs.length ? { ...e, value: { ...e.value, refs: [...new Set(refs)] } } : e;
    }),
  };
}

/** `aws_s3_bucket.logs.id` → `aws_s3_bucket.logs`; variables, locals and paths are not resources. */
function resourceAddress(reference: string): string | undefined {
  const parts = reference.replace(/\[[^\]]*\]/g, '').split('.');
  const [first, second, third] = parts;
  if (!first || !second) return undefined;
  if (['var', 'local', 'path', 'count', 'each', 'self', 'terraform'].includes(first)) return undefined;
  if (first === 'data') return third ? `data.${second}.${third}` : undefined;
  if (first === 'module') return `module.${second}`;
  return `${first}.${second}`;
}

function firstLine(range: Range): Range {
  return {
    startLine: range.startLine,
    startColumn: range.startColumn,
    endLine: range.startLine,
    endColumn: range.startColumn,
  };
}

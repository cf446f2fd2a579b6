import type { Range } from '../core/types.js';
import { child, type MapNode, type TreeNode, toPlain } from '../parsers/tree.js';
import { type Attr, defaulted, explicit, unresolvable } from './attr.js';
import type { DeclaredResource, IacFamily } from './declared.js';
import { type Entity, type Model, readPath } from './model.js';

/**
 * Kind definitions map provider resources (Terraform, CloudFormation, ARM) onto provider-neutral entities,
 * so one rule covers every format that can declare the resource. They are data: the only code is the
 * occasional `map` that turns a provider's spelling into the neutral value.
 */

/** How a neutral field's value is typed. `present` is true when the setting or block exists at all. */
export type FieldType = 'bool' | 'string' | 'number' | 'list' | 'map' | 'json' | 'present';

export interface FieldSource {
  /**
   * Dotted path into the declared body. A step into a Terraform block list takes its first block; a
   * numeric step indexes a list. Several paths: the first one present wins.
   */
  path: string | string[];
  /** The provider's value when the setting is absent. Omit when absence means "not configured". */
  default?: unknown;
  /** Turns the provider's spelling into the neutral value (applied to known values only). */
  map?: (value: unknown) => unknown;
}

/** A field source: a path, or a path with a default and a mapping. */
export type FieldSourceSpec = string | FieldSource;

export interface SourceMapping {
  family: IacFamily;
  types: string[];
  fields: Record<string, FieldSourceSpec>;
  /** Repeated sub-objects (ingress rules, containers): each item becomes a child entity. */
  children?: Record<string, { path: string; fields: Record<string, FieldSourceSpec> }>;
  /** Narrows the mapping, e.g. an ARM `kind` or a Terraform `load_balancer_type`. */
  when?: (body: MapNode) => boolean;
}

/** A separate resource that configures its parent: `aws_s3_bucket_versioning`, a security group rule. */
export interface AttachmentMapping {
  family: IacFamily;
  types: string[];
  /** Path of the attribute naming the parent (a reference, or a literal matching an identity field). */
  via: string;
  /** Parent fields the attachment sets: they replace the parent's own value. */
  fields?: Record<string, FieldSourceSpec>;
  /** Or a child entity it adds to the parent. */
  child?: { name: string; fields: Record<string, FieldSourceSpec> };
  when?: (body: MapNode) => boolean;
}

export interface KindDefinition {
  /** Neutral kind, e.g. `aws.rds.instance`. */
  kind: string;
  /** Where entities go in the model, e.g. `aws.rds.instances`. */
  collection: string;
  /** Neutral fields; dotted names nest (`versioning.enabled`). */
  fields: Record<string, FieldType>;
  /** Child collections and their fields. */
  children?: Record<string, Record<string, FieldType>>;
  /** Fields whose known values also name the resource (a bucket name used literally by another resource). */
  identity?: string[];
  sources: SourceMapping[];
  attachments?: AttachmentMapping[];
}

interface CompiledKind {
  definition: KindDefinition;
  source: SourceMapping;
}

interface CompiledAttachment {
  definition: KindDefinition;
  attachment: AttachmentMapping;
}

/** Kind definitions indexed by `family:type`, built once per set of definitions. */
export class KindRegistry {
  private readonly primary = new Map<string, CompiledKind[]>();
  private readonly attached = new Map<string, CompiledAttachment[]>();
  /** `family:type` → kind without a body, built from `primary` on first use. */
  private typeKinds: Map<string, string> | undefined;

  constructor(readonly definitions: KindDefinition[]) {
    const kinds = new Set<string>();
    for (const definition of definitions) {
      if (kinds.has(definition.kind)) throw new Error(`kind ${definition.kind} is defined twice`);
      kinds.add(definition.kind);
      for (const source of definition.sources) {
        checkFields(definition, source.fields, definition.fields);
        for (const [name, childSource] of Object.entries(source.children ?? {}))
          checkFields(definition, childSource.fields, definition.children?.[name] ?? {});
        // Spellings that differ only in case are one ARM type: register the mapping once.
        for (const key of new Set(source.types.map((type) => typeKey(source.family, type))))
          push(this.primary, key, { definition, source });
      }
      for (const attachment of definition.attachments ?? []) {
        const target = attachment.child
          ? (definition.children?.[attachment.child.name] ?? {})
          : definition.fields;
        checkFields(definition, attachment.child?.fields ?? attachment.fields ?? {}, target);
        for (const key of new Set(attachment.types.map((type) => typeKey(attachment.family, type))))
          push(this.attached, key, { definition, attachment });
      }
    }
  }

  /** Maps declared resources onto entities in the model, then applies attachments to their parents. */
  map(resources: DeclaredResource[], model: Model): void {
    const entities: Entity[] = [];
    for (const resource of resources) {
      for (const { definition, source } of this.primary.get(typeKey(resource.family, resource.type)) ?? []) {
        if (source.when && !source.when(resource.body)) continue;
        const entity = mapEntity(resource, definition, source);
        collectionOf(model, definition.collection).push(entity);
        entities.push(entity);
        index(model, entity, resource.refKeys, definition);
      }
    }
    for (const resource of resources) {
      for (const { definition, attachment } of this.attached.get(typeKey(resource.family, resource.type)) ??
        []) {
        if (attachment.when && !attachment.when(resource.body)) continue;
        for (const parent of parentsOf(model, resource, attachment.via, definition.kind))
          attach(parent, resource, definition, attachment);
      }
    }
  }

  /** The neutral kind a declared resource maps to, and the body paths of its identity (name) fields. */
  describe(resource: DeclaredResource): { kind: string; namePaths: string[] } | undefined {
    for (const { definition, source } of this.primary.get(typeKey(resource.family, resource.type)) ?? []) {
      if (source.when && !source.when(resource.body)) continue;
      const namePaths = (definition.identity ?? []).flatMap((field) => {
        const spec = source.fields[field];
        // A mapped value is not the literal the template wrote; a fixed field names nothing.
        if (!spec || (typeof spec === 'object' && spec.map)) return [];
        const paths = typeof spec === 'string' ? [spec] : [spec.path].flat();
        return paths.filter((path) => !path.startsWith('\u0000'));
      });
      return { kind: definition.kind, namePaths };
    }
    return undefined;
  }

  /**
   * The kind of a resource type when there is no body to decide with (a deployed resource): its first mapping
   * without a `when`, else the one kind its narrowed mappings all agree on.
   */
  kindOfType(family: IacFamily, type: string): string | undefined {
    if (!this.typeKinds) {
      this.typeKinds = new Map();
      for (const [key, compiled] of this.primary) {
        const unconditional = compiled.find(({ source }) => !source.when);
        const kinds = new Set(compiled.map(({ definition }) => definition.kind));
        const [only] = kinds;
        const kind = unconditional?.definition.kind ?? (kinds.size === 1 ? only : undefined);
        if (kind) this.typeKinds.set(key, kind);
      }
    }
    return this.typeKinds.get(typeKey(family, type));
  }
}

/** ARM resource types are case-insensitive (`Microsoft.DocumentDb` is `Microsoft.DocumentDB`); the others are not. */
function typeKey(family: IacFamily, type: string): string {
  return `${family}:${family === 'arm' ? type.toLowerCase() : type}`;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function checkFields(definition: KindDefinition, fields: object, declared: Record<string, FieldType>): void {
  for (const name of Object.keys(fields)) {
    if (!(name in declared)) throw new Error(`kind ${definition.kind} maps undeclared field ${name}`);
  }
}

/** The model collection at a dotted path, created on first use. */
export function collectionOf(model: Model, collection: string): Entity[] {
  const [provider, service, name] = collection.split('.');
  if (
    !provider ||
    !service ||
    !name ||
    !(provider === 'aws' || provider === 'azure' || provider === 'google')
  )
    throw new Error(`collection ${collection} must be provider.service.name`);
  const services = model[provider];
  services[service] ??= {};
  const byName = services[service];
  byName[name] ??= [];
  return byName[name];
}

function mapEntity(resource: DeclaredResource, definition: KindDefinition, source: SourceMapping): Entity {
  const entity: Entity = {
    kind: definition.kind,
    address: resource.address,
    file: resource.file,
    format: resource.family === 'terraform' ? 'terraform' : resource.family,
    range: resource.range,
    headerRange: resource.headerRange,
    sourceType: resource.type,
    family: resource.family,
    refKeys: resource.refKeys,
  };
  if (resource.modulePath) entity.modulePath = resource.modulePath;
  for (const [field, type] of Object.entries(definition.fields)) {
    const spec = source.fields[field];
    const attr = spec
      ? readField(resource.body, spec, type, resource.headerRange, field)
      : unresolvable(resource.headerRange, field);
    setPath(entity, field, attr);
  }
  for (const [name, childFields] of Object.entries(definition.children ?? {})) {
    const childSource = source.children?.[name];
    const items = childSource ? listAt(resource.body, childSource.path) : [];
    setPath(
      entity,
      name,
      items.map((item, i) =>
        childEntity(entity, name, i, item, childFields, childSource?.fields ?? {}, resource.file),
      ),
    );
  }
  return entity;
}

function childEntity(
  parent: Entity,
  name: string,
  position: number,
  node: TreeNode,
  fields: Record<string, FieldType>,
  sources: Record<string, FieldSourceSpec>,
  file: string,
): Entity {
  const header = firstLine(node.range);
  const entity: Entity = {
    kind: `${parent.kind}.${name}`,
    address: `${parent.address}.${name}[${position}]`,
    file,
    format: parent.format,
    range: node.range,
    headerRange: header,
    sourceType: parent.sourceType,
    family: parent.family,
    refKeys: [],
    parent,
  };
  if (parent.modulePath) entity.modulePath = parent.modulePath;
  for (const [field, type] of Object.entries(fields)) {
    const spec = sources[field];
    const attr =
      spec && node.kind === 'map' ? readField(node, spec, type, header, field) : unresolvable(header, field);
    if (file !== parent.file) attr.file = file;
    setPath(entity, field, attr);
  }
  return entity;
}

function attach(
  parent: Entity,
  resource: DeclaredResource,
  definition: KindDefinition,
  attachment: AttachmentMapping,
): void {
  const withFile = (attr: Attr<unknown>) => {
    if (resource.file !== parent.file) attr.file = resource.file;
    return attr;
  };
  if (attachment.child) {
    const fields = definition.children?.[attachment.child.name] ?? {};
    const list = (readPath(parent, attachment.child.name) as Entity[] | undefined) ?? [];
    const added: Entity = {
      kind: `${parent.kind}.${attachment.child.name}`,
      address: resource.address,
      file: resource.file,
      format: parent.format,
      range: resource.range,
      headerRange: resource.headerRange,
      sourceType: resource.type,
      family: resource.family,
      refKeys: resource.refKeys,
      parent,
    };
    if (resource.modulePath) added.modulePath = resource.modulePath;
    for (const [field, type] of Object.entries(fields)) {
      const spec = attachment.child.fields[field];
      const attr = spec
        ? readField(resource.body, spec, type, resource.headerRange, field)
        : unresolvable(resource.headerRange, field);
      setPath(added, field, attr);
    }
    list.push(added);
    setPath(parent, attachment.child.name, list);
    return;
  }
  for (const [field, spec] of Object.entries(attachment.fields ?? {})) {
    const type = definition.fields[field] as FieldType;
    setPath(parent, field, withFile(readField(resource.body, spec, type, resource.headerRange, field)));
  }
  parent.attachedBy = [...(parent.attachedBy ?? []), resource.address];
}

/** Registers an entity under its reference keys and identity values, for attachments and cross-resource rules. */
function index(model: Model, entity: Entity, refKeys: string[], definition: KindDefinition): void {
  for (const key of refKeys) push(model.references, key, entity);
  for (const field of definition.identity ?? []) {
    const attr = readPath(entity, field) as Attr<unknown> | undefined;
    if (attr?.origin === 'explicit' && typeof attr.value === 'string')
      push(model.references, `=${attr.value}`, entity);
  }
}

/** The entities of `kind` an attachment's `via` attribute points at. */
function parentsOf(model: Model, resource: DeclaredResource, via: string, kind: string): Entity[] {
  const node = nodeAt(resource.body, via.split('.'));
  if (!node) return [];
  return referencedEntities(model, nodeRefs(node)).filter((e) => e.kind === kind);
}

function nodeRefs(node: TreeNode): string[] {
  if (node.kind === 'unknown') return node.refs ?? [];
  if (node.kind === 'scalar' && typeof node.value === 'string') return [node.value, `=${node.value}`];
  if (node.kind === 'seq') return node.items.flatMap(nodeRefs);
  return [];
}

/** The entities a value refers to, by reference (`aws_s3_bucket.x.id`, `!Ref X`) or by literal name. */
export function referencedEntities(model: Model, refs: string[]): Entity[] {
  const found = new Set<Entity>();
  for (const ref of refs) for (const entity of model.references.get(ref) ?? []) found.add(entity);
  return [...found];
}

/** The entities an attribute refers to (its `refs` when computed, its literal values otherwise). */
export function resolveAttr(model: Model, attr: Attr<unknown> | undefined): Entity[] {
  if (!attr) return [];
  if (attr.origin === 'unresolvable') return referencedEntities(model, attr.refs ?? []);
  const values = Array.isArray(attr.value) ? attr.value : [attr.value];
  return referencedEntities(
    model,
    values.filter((v): v is string => typeof v === 'string').flatMap((v) => [v, `=${v}`]),
  );
}

/** Reads one neutral field from a declared body. */
export function readField(
  body: MapNode,
  spec: FieldSourceSpec,
  type: FieldType,
  header: Range,
  path: string,
): Attr<unknown> {
  const source: FieldSource = typeof spec === 'string' ? { path: spec } : spec;
  const paths = Array.isArray(source.path) ? source.path : [source.path];
  let node: TreeNode | undefined;
  for (const candidate of paths) {
    node = nodeAt(body, candidate.split('.'));
    if (node && !(node.kind === 'scalar' && node.value === null)) break;
    node = undefined;
  }
  if (!node) {
    return defaulted(type === 'present' ? (source.default ?? false) : source.default, header, path);
  }
  if (node.kind === 'unknown') return unresolvable(node.range, path, node.refs);
  if (type === 'present') return explicit(source.map ? source.map(true) : true, node.range, path);
  const raw = plainOf(node, type);
  if (raw === undefined) return unresolvable(node.range, path);
  const value = coerce(source.map ? source.map(raw) : raw, type);
  return value === undefined ? unresolvable(node.range, path) : explicit(value, node.range, path);
}

function plainOf(node: TreeNode, type: FieldType): unknown {
  if (type === 'list' && node.kind === 'seq') return node.items.map(toPlain);
  if ((type === 'map' || type === 'json') && node.kind === 'map') return toPlain(node);
  if (type === 'json' && node.kind === 'seq') return toPlain(node);
  if (node.kind === 'scalar') return node.value === null ? undefined : node.value;
  if (node.kind === 'seq' && node.items.length === 1) return plainOf(node.items[0] as TreeNode, type);
  return toPlain(node);
}

function coerce(value: unknown, type: FieldType): unknown {
  switch (type) {
    case 'bool':
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
      return undefined;
    case 'number':
      if (typeof value === 'number') return value;
      if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
        return Number(value);
      return undefined;
    case 'string':
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : undefined;
    case 'list':
      return Array.isArray(value) ? value : value === undefined ? undefined : [value];
    case 'map':
      return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
    case 'json':
      if (typeof value !== 'string') return value;
      try {
        return JSON.parse(value);
      } catch {
        return undefined;
      }
    case 'present':
      return value;
  }
}

/**
 * Walks a dotted path; Terraform block lists step into their first block. Unknown values stop the walk, and
 * so does a value of the wrong shape (a scalar or list where settings are expected): it is not knowable.
 */
export function nodeAt(node: TreeNode | undefined, segments: string[]): TreeNode | undefined {
  let current = node;
  for (const segment of segments) {
    if (!current) return undefined;
    if (current.kind === 'seq') {
      if (/^\d+$/.test(segment)) {
        current = current.items[Number(segment)];
        continue;
      }
      if (!current.items.length) return undefined;
      current = current.items[0] as TreeNode;
    }
    if (current.kind === 'scalar' && current.value === null) return undefined;
    if (current.kind !== 'map') return current.kind === 'unknown' ? current : shapeless(current);
    current = child(current, segment);
  }
  return current;
}

function shapeless(node: TreeNode): TreeNode {
  return { kind: 'unknown', range: node.range };
}

/** Every item at a path: the blocks of a Terraform block type, the items of a list property. */
function listAt(body: MapNode, path: string): TreeNode[] {
  const node = nodeAt(body, path.split('.'));
  if (!node) return [];
  if (node.kind === 'seq') return node.items.filter((item) => item.kind === 'map');
  return node.kind === 'map' ? [node] : [];
}

function firstLine(range: Range): Range {
  return {
    startLine: range.startLine,
    startColumn: range.startColumn,
    endLine: range.startLine,
    endColumn: range.startColumn,
  };
}

function setPath(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const keys = dotted.split('.');
  let current = target;
  for (const key of keys.slice(0, -1)) {
    const next = current[key];
    if (next !== null && typeof next === 'object') current = next as Record<string, unknown>;
    else current = current[key] = {};
  }
  current[keys[keys.length - 1] as string] = value;
}

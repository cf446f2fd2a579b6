import { compareText, type IacResourceRecord, TRACE_TAG_KEYS } from '../core/types.js';
import { builtinKinds } from '../kinds/index.js';
import type { DeclaredResource } from '../model/declared.js';
import type { KindRegistry } from '../model/kinds.js';
import { at, child, type MapNode, refsIn, scalar, type TreeNode } from '../parsers/tree.js';
import { builtinRuleList } from '../rules/registry.js';
import { registeredDetectors, secretsIn } from '../secrets/engine.js';
import { DEFAULT_SECRET_SETTINGS, type SecretSettings } from '../secrets/settings.js';
import { terraformTagAttribute } from './taggable.js';

/** A file the secret detectors can read: a unit's source files. */
export interface InventorySource {
  path: string;
  text: string;
}

/**
 * Attributes that name a resource when its kind definition has no identity field. Terraform's common
 * spellings; CloudFormation uses `<Type>Name` (`BucketName`, `FunctionName`) or `Name`; ARM the `name`.
 */
const TERRAFORM_NAME_ATTRIBUTES = ['name', 'bucket', 'function_name', 'identifier', 'cluster_identifier'];

/** A secret shorter than this is not searched for inside tag values: it would match ordinary words. */
const MIN_SECRET_SUBSTRING = 8;

/**
 * The scan's inventory of one unit's IaC resources: address, type, place, trace tag, literal string tags,
 * the literal name and the addresses of the resources it references. Values a secret detector flags in
 * the unit's files are left out, so the inventory can be uploaded and stored.
 */
export function resourceRecords(
  declared: DeclaredResource[],
  files: InventorySource[],
  secretSettings: SecretSettings | undefined,
  kinds: KindRegistry = builtinKinds(),
): IacResourceRecord[] {
  if (!declared.length) return [];
  const isSecret = secretMatcher(declared, files, secretSettings);
  const addressesByRefKey = new Map<string, string[]>();
  for (const resource of declared) {
    for (const key of resource.refKeys) {
      const list = addressesByRefKey.get(key);
      if (list) list.push(resource.address);
      else addressesByRefKey.set(key, [resource.address]);
    }
  }
  const records = declared.map((resource) => {
    const description = kinds.describe(resource);
    // A Map, not an object: a hostile tag key such as `__proto__` stays a plain key.
    const tags = new Map<string, string>();
    for (const [key, value] of literalTags(resource)) {
      if (!isSecret(value)) tags.set(key, value);
    }
    const references = new Set<string>();
    for (const ref of refsIn([resource.body])) {
      for (const address of addressesByRefKey.get(ref) ?? []) {
        if (address !== resource.address) references.add(address);
      }
    }
    const record: IacResourceRecord = {
      family: resource.family,
      type: resource.type,
      address: resource.address,
      file: resource.file,
      line: resource.headerRange.startLine,
      tags: sortedRecord(tags),
      references: [...references].sort(compareText),
    };
    if (description) record.kind = description.kind;
    if (resource.modulePath) record.modulePath = resource.modulePath;
    const name = literalName(resource, description?.namePaths ?? []);
    if (name !== undefined && !isSecret(name)) record.name = name;
    const traceKey = TRACE_TAG_KEYS.find((key) => tags.get(key));
    if (traceKey) record.traceTag = tags.get(traceKey);
    return record;
  });
  return records.sort(compareRecords);
}

/** Sorts records from several units into the order `resourceRecords` gives one unit. */
export function compareRecords(a: IacResourceRecord, b: IacResourceRecord): number {
  return compareText(a.file, b.file) || a.line - b.line || compareText(a.address, b.address);
}

/**
 * The string tags a resource declares with known values. Terraform: the `tags` map (`labels` on Google),
 * or `tag { key value }` blocks (autoscaling groups); CloudFormation: `Tags` as a Key/Value list or a map
 * (SAM, SSM parameters); ARM: the `tags` object.
 */
function literalTags(resource: DeclaredResource): Array<[string, string]> {
  const body = resource.body;
  switch (resource.family) {
    case 'terraform': {
      const attribute =
        terraformTagAttribute(resource.type) ?? (resource.type.startsWith('google_') ? 'labels' : 'tags');
      const map = child(body, attribute);
      if (map?.kind === 'map') return mapTags(map);
      const blocks = child(body, 'tag');
      return blocks?.kind === 'seq' ? keyValueTags(blocks.items, 'key', 'value') : [];
    }
    case 'cloudformation': {
      const tags = child(body, 'Tags');
      if (tags?.kind === 'seq') return keyValueTags(tags.items, 'Key', 'Value');
      return tags?.kind === 'map' ? mapTags(tags) : [];
    }
    case 'arm': {
      const tags = child(body, 'tags');
      return tags?.kind === 'map' ? mapTags(tags) : [];
    }
  }
}

function mapTags(map: MapNode): Array<[string, string]> {
  const tags: Array<[string, string]> = [];
  for (const { key, value } of map.entries) {
    const text = literalString(value);
    if (text !== undefined) tags.push([key, text]);
  }
  return tags;
}

function keyValueTags(items: TreeNode[], keyField: string, valueField: string): Array<[string, string]> {
  const tags: Array<[string, string]> = [];
  for (const item of items) {
    const key = literalString(child(item, keyField));
    const value = literalString(child(item, valueField));
    if (key !== undefined && value !== undefined) tags.push([key, value]);
  }
  return tags;
}

/** A known string (numbers and booleans as Terraform and CloudFormation write them in tags). */
function literalString(node: TreeNode | undefined): string | undefined {
  const value = scalar(node);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function literalName(resource: DeclaredResource, identityPaths: string[]): string | undefined {
  const candidates = [...identityPaths, ...fallbackNamePaths(resource)];
  for (const candidate of candidates) {
    const value = scalar(at(resource.body, ...candidate.split('.')));
    if (typeof value === 'string' && value) return value;
  }
  return undefined;
}

function fallbackNamePaths(resource: DeclaredResource): string[] {
  switch (resource.family) {
    case 'terraform':
      return TERRAFORM_NAME_ATTRIBUTES;
    case 'cloudformation': {
      const last = resource.type.split('::').at(-1) ?? '';
      return [`${last}Name`, 'Name'];
    }
    case 'arm':
      return ['name'];
  }
}

/** A test for values the unit's secret detectors flagged: equal to, or containing, a detected secret. */
function secretMatcher(
  declared: DeclaredResource[],
  files: InventorySource[],
  settings: SecretSettings | undefined,
): (value: string) => boolean {
  // Secret rules may be turned off for findings; the inventory still never carries a secret.
  const effective = settings?.enabled ? settings : DEFAULT_SECRET_SETTINGS;
  // The built-in secret rules register the detectors as they load; a scan given its own rules may not have.
  if (!registeredDetectors().length) builtinRuleList();
  const declaring = new Set(declared.map((resource) => resource.file));
  const secrets = new Set<string>();
  for (const file of files) {
    // The resources' own files, and the variable files whose values flow into them.
    if (!declaring.has(file.path) && !/\.tfvars(\.json)?$/i.test(file.path)) continue;
    for (const matches of secretsIn(file, effective).values())
      for (const match of matches) secrets.add(match.value);
  }
  if (!secrets.size) return () => false;
  return (value) => {
    for (const secret of secrets) {
      if (value === secret) return true;
      if (secret.length >= MIN_SECRET_SUBSTRING && value.includes(secret)) return true;
      if (value.length >= MIN_SECRET_SUBSTRING && secret.includes(value)) return true;
    }
    return false;
  };
}

/** Sorted by key; Object.fromEntries defines `__proto__` as an own key, never the prototype. */
function sortedRecord(tags: Map<string, string>): Record<string, string> {
  return Object.fromEntries([...tags].sort(([a], [b]) => compareText(a, b)));
}

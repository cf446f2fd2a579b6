/**
 * Terraform state v4 (`terraform state pull`). State holds every attribute in plain text, passwords and
 * private keys included, so this importer reads exactly these and nothing else: the resource's module, type,
 * name and provider, each instance's index key and dependencies, and of its attributes only `id`, `arn`,
 * `tags_all`/`tags`/`labels` and `project`. Outputs, `private`, `sensitive_attributes` values and every
 * other attribute are never copied; attributes that `sensitive_attributes` marks are skipped too.
 */
import {
  azureSubscription,
  CloudInventoryError,
  ID_MAX,
  type ImportCollector,
  type ImportContext,
  isObject,
  type JsonObject,
  nameFromArn,
  parseArn,
  readTags,
  text,
} from './input.js';
import { googleServiceHost, kindOfIacType } from './kinds.js';
import type { CloudProvider, CloudResource } from './model.js';

/** Provider source types (`registry.terraform.io/hashicorp/aws`) → cloud; other providers are not clouds. */
const PROVIDERS: Record<string, CloudProvider> = {
  aws: 'aws',
  azurerm: 'azure',
  azapi: 'azure',
  google: 'google',
  'google-beta': 'google',
};

const TAG_ATTRIBUTES = { aws: ['tags_all', 'tags'], azure: ['tags'], google: ['labels'] } as const;

export function readTerraformState(
  document: unknown,
  context: ImportContext,
  collector: ImportCollector,
): void {
  if (!isObject(document) || !Array.isArray(document.resources)) {
    throw new CloudInventoryError(context.file, 'a Terraform state is an object with a "resources" array');
  }
  const found: Found[] = [];
  document.resources.forEach((block, index) => {
    const at = `/resources/${index}`;
    if (!isObject(block)) {
      context.problem(at, 'a resource is a JSON object');
      return;
    }
    // Data sources are reads, not deployed resources.
    if (block.mode !== 'managed') return;
    const type = text(block.type, 300);
    const name = text(block.name, 300);
    if (!type || !name) {
      context.problem(at, 'the resource has no type or name');
      return;
    }
    const provider = providerOf(block.provider);
    if (!provider) return;
    const module = text(block.module, 2000);
    const resourceAddress = `${module ? `${module}.` : ''}${type}.${name}`;
    const instances = Array.isArray(block.instances) ? block.instances : [];
    instances.forEach((instance, instanceIndex) => {
      const instanceAt = `${at}/instances/${instanceIndex}`;
      if (!isObject(instance)) {
        context.problem(instanceAt, 'an instance is a JSON object');
        return;
      }
      const address = `${resourceAddress}${indexSuffix(instance.index_key)}`;
      const resource = readInstance(instance, provider, type, address, instanceAt, context);
      if (resource)
        found.push({ resource, resourceAddress, dependencies: dependenciesOf(instance), at: instanceAt });
    });
  });
  addWithRelations(withAccounts(found, context), collector);
}

interface Found {
  resource: CloudResource;
  resourceAddress: string;
  dependencies: string[];
  at: string;
}

/**
 * Fills the account of resources whose ARN has none (S3 buckets, CloudFront): `--account`, else the account
 * of the state's other ARNs when they all name one and the same.
 */
function withAccounts(found: Found[], context: ImportContext): Found[] {
  const awsAccounts = new Set(
    found.flatMap(({ resource }) =>
      resource.provider === 'aws' && resource.accountId ? [resource.accountId] : [],
    ),
  );
  const [onlyAwsAccount] = awsAccounts.size === 1 ? awsAccounts : [];
  return found.filter(({ resource, at }) => {
    if (resource.accountId) return true;
    const accountId = context.defaultAccountId ?? (resource.provider === 'aws' ? onlyAwsAccount : undefined);
    if (accountId) resource.accountId = accountId;
    else
      context.problem(
        at,
        `cannot tell the account of ${resource.origin?.terraformAddress} from its ${resource.provider === 'aws' ? 'ARN' : 'id'}: pass --account`,
      );
    return Boolean(accountId);
  });
}

function readInstance(
  instance: JsonObject,
  provider: CloudProvider,
  type: string,
  address: string,
  at: string,
  context: ImportContext,
): CloudResource | undefined {
  const attributes = isObject(instance.attributes) ? instance.attributes : undefined;
  // Terraform 0.11 `attributes_flat` states are not read: v4 states from 0.12 on have `attributes`.
  if (!attributes) return undefined;
  const sensitive = sensitivePaths(instance.sensitive_attributes);
  const pick = (attribute: string, max = ID_MAX) =>
    sensitive.whole.has(attribute) ? undefined : text(attributes[attribute], max);
  const id = pick('id');
  const arn = pick('arn');
  const kind = kindOfIacType('terraform', type);
  let uid: string | undefined;
  let accountId: string | undefined;
  let region: string | null = null;
  let name: string | null = null;
  if (provider === 'aws') {
    // Parts without an ARN (aws_s3_bucket_versioning, rules, associations) configure another resource and
    // share its id: they have no identity of their own in the cloud.
    if (!arn) return undefined;
    const parsed = parseArn(arn);
    uid = arn;
    accountId = parsed?.accountId || undefined;
    region = parsed?.region || null;
    name = nameFromArn(arn);
  } else if (provider === 'azure') {
    // ARM ids only: data-plane ids (`https://vault.vault.azure.net/secrets/…`) name no ARM resource.
    if (!id?.startsWith('/')) return undefined;
    uid = id.toLowerCase();
    accountId = azureSubscription(id);
    name = id.split('/').filter(Boolean).at(-1) ?? null;
  } else {
    if (!id) return undefined;
    const host = googleServiceHost(type);
    // The asset inventory's full resource name, when the id is the resource path (or a bucket name).
    uid = host && (id.startsWith('projects/') || type === 'google_storage_bucket') ? `//${host}/${id}` : id;
    accountId = pick('project', 200) ?? /^projects\/([^/]+)/.exec(id)?.[1];
    name = id.split('/').filter(Boolean).at(-1) ?? null;
  }
  const resource: CloudResource = {
    uid,
    provider,
    // Filled afterwards when the id does not say it.
    accountId: accountId ?? '',
    region,
    type,
    name,
    tags: tagsOf(attributes, provider, sensitive, context, at),
    origin: { terraformAddress: address },
    related: [],
  };
  if (kind) resource.kind = kind;
  return resource;
}

/** The first tag attribute present (`tags_all` has the provider's default tags too), minus sensitive keys. */
function tagsOf(
  attributes: JsonObject,
  provider: CloudProvider,
  sensitive: SensitivePaths,
  context: ImportContext,
  at: string,
): Record<string, string> {
  for (const attribute of TAG_ATTRIBUTES[provider]) {
    if (!isObject(attributes[attribute])) continue;
    if (sensitive.whole.has(attribute)) return {};
    const tags = readTags(attributes[attribute], context, `${at}/attributes/${attribute}`);
    for (const key of sensitive.keys.get(attribute) ?? []) delete tags[key];
    return tags;
  }
  return {};
}

interface SensitivePaths {
  /** Attributes marked sensitive as a whole. */
  whole: Set<string>;
  /** Map keys marked sensitive inside an attribute (`tags["token"]`). */
  keys: Map<string, Set<string>>;
}

/**
 * `sensitive_attributes`: a list of paths, each a list of steps (`{type: "get_attr", value: "tags"}`,
 * `{type: "index", value: {value: "k", type: "string"}}`). Only compared with attribute names and tag keys:
 * never copied.
 */
function sensitivePaths(value: unknown): SensitivePaths {
  const paths: SensitivePaths = { whole: new Set(), keys: new Map() };
  if (!Array.isArray(value)) return paths;
  for (const path of value) {
    if (!Array.isArray(path)) continue;
    const [first, second] = path as unknown[];
    if (!isObject(first) || first.type !== 'get_attr' || typeof first.value !== 'string') continue;
    const key =
      isObject(second) && second.type === 'index' && isObject(second.value) ? second.value.value : undefined;
    if (typeof key === 'string') {
      const keys = paths.keys.get(first.value) ?? new Set<string>();
      keys.add(key);
      paths.keys.set(first.value, keys);
    } else paths.whole.add(first.value);
  }
  return paths;
}

function providerOf(value: unknown): CloudProvider | undefined {
  // provider["registry.terraform.io/hashicorp/aws"] or provider["…/aws"].alias
  const source = typeof value === 'string' ? /provider\["([^"]+)"\]/.exec(value)?.[1] : undefined;
  const providerType = source?.split('/').at(-1);
  return providerType ? PROVIDERS[providerType] : undefined;
}

/** `[0]` or `["key"]` as Terraform writes instance addresses. */
function indexSuffix(key: unknown): string {
  if (typeof key === 'number' && Number.isInteger(key)) return `[${key}]`;
  if (typeof key === 'string') return `[${JSON.stringify(key)}]`;
  return '';
}

function dependenciesOf(instance: JsonObject): string[] {
  if (!Array.isArray(instance.dependencies)) return [];
  return instance.dependencies.flatMap((dependency) => text(dependency, 2000) ?? []).slice(0, 1000);
}

/**
 * Adds the resources with `related` filled from `dependencies` (resource addresses → the uids of their
 * instances). Instances sharing one uid keep the first whose type has a kind: an association resource can
 * carry its parent's id.
 */
function addWithRelations(found: Found[], collector: ImportCollector): void {
  const uidsByAddress = new Map<string, Set<string>>();
  for (const { resource, resourceAddress } of found) {
    const uids = uidsByAddress.get(resourceAddress) ?? new Set<string>();
    uids.add(resource.uid);
    uidsByAddress.set(resourceAddress, uids);
  }
  const chosen = new Map<string, CloudResource>();
  for (const { resource, dependencies } of found) {
    resource.related = [
      ...new Set(dependencies.flatMap((address) => [...(uidsByAddress.get(address) ?? [])])),
    ].filter((uid) => uid !== resource.uid);
    const key = `${resource.accountId}\u0000${resource.uid}`;
    const existing = chosen.get(key);
    if (!existing || (!existing.kind && resource.kind)) chosen.set(key, resource);
  }
  for (const resource of chosen.values()) collector.addResource(resource);
}

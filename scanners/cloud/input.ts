/**
 * Shared plumbing of the cloud importers: the problems they report, bounded field picking and grouping
 * resources into one import per account. Importers pick fields one by one from the source and never copy
 * a source object, so nothing the format does not name can reach the output.
 */
import { compareText as compare } from '../core/types.js';
import { truncate } from '../reporters/shared.js';
import type {
  CloudCheckResult,
  CloudImport,
  CloudImportSource,
  CloudProvider,
  CloudResource,
} from './model.js';

/** Largest inventory file read, in characters (a full Prowler run over a big account is ~120 MB). */
export const CLOUD_INPUT_MAX_CHARS = 256 * 1024 * 1024;
/** Most resources and check results in one file: far beyond real accounts, short of exhausting memory. */
const CLOUD_ITEMS_MAX = 1_000_000;
/** Tag limits the server also applies (AWS allows 50 tags, Azure 50, Google 64 labels). */
const TAGS_MAX = 200;
const TAG_KEY_MAX = 512;
const TAG_VALUE_MAX = 2048;
/** Longest identifier kept (an ARN is at most 2048 characters). */
export const ID_MAX = 2048;
/** Limits of the other resource fields, the same as the server's import schema. */
const ACCOUNT_MAX = 200;
const REGION_MAX = 100;
const NAME_MAX = 1024;
const ADDRESS_MAX = 2000;
const STACK_PART_MAX = 256;
const RELATED_MAX = 1000;
const TEXT_MAX = 4096;

/** Something wrong with one item of an otherwise readable file: the item is skipped or trimmed. */
export interface CloudInventoryProblem {
  file: string;
  /** Where in the file: a JSON pointer (`/resources/3/instances/0`) or a line (`line 12`). */
  pointer: string;
  message: string;
}

/** A file that cannot be read at all: not JSON, too large, an unknown format. */
export class CloudInventoryError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly pointer?: string,
  ) {
    super(`${file}${pointer ? ` (at ${pointer})` : ''}: ${message}`);
    this.name = 'CloudInventoryError';
  }
}

/** What every importer gets besides the parsed document. */
export interface ImportContext {
  file: string;
  /** The account for resources whose source does not name one (`--account`). */
  defaultAccountId?: string;
  problem(pointer: string, message: string): void;
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-empty string of bounded length, else undefined. */
export function text(value: unknown, max = TEXT_MAX): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed && trimmed.length <= max ? trimmed : undefined;
}

/** Message-like text: kept but cut at `max` characters rather than dropped. */
export function clipped(value: unknown, max = TEXT_MAX): string {
  return typeof value === 'string' ? truncate(value.trim(), max) : '';
}

/**
 * Tags from a map (`{Name: "x"}`), a list of `{key|Key|name, value|Value}` pairs, or `key:value` strings
 * (Prowler's OCSF `labels`). Only string values; oversize or surplus tags are reported and dropped.
 */
export function readTags(value: unknown, context: ImportContext, at: string): Record<string, string> {
  const tags: Record<string, string> = {};
  const entries: [string, unknown][] = [];
  if (isObject(value)) entries.push(...Object.entries(value));
  else if (Array.isArray(value)) {
    for (const item of value) {
      if (typeof item === 'string') {
        const split = splitLabel(item);
        if (split) entries.push(split);
      } else if (isObject(item)) {
        const key = item.key ?? item.Key ?? item.name ?? item.Name;
        if (typeof key === 'string') entries.push([key, item.value ?? item.Value]);
      }
    }
  }
  let count = 0;
  for (const [key, raw] of entries) {
    if (typeof raw !== 'string') continue;
    if (!key || key.length > TAG_KEY_MAX || raw.length > TAG_VALUE_MAX) {
      context.problem(at, `tag "${key.slice(0, 80)}" is longer than the limit and was dropped`);
      continue;
    }
    if (Object.hasOwn(tags, key)) continue;
    if (count === TAGS_MAX) {
      context.problem(at, `more than ${TAGS_MAX} tags: the rest were dropped`);
      break;
    }
    setTag(tags, key, raw);
    count += 1;
  }
  return tags;
}

/** defineProperty: a tag named `__proto__` is a tag, not the object's prototype. */
function setTag(tags: Record<string, string>, key: string, value: string): void {
  Object.defineProperty(tags, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Splits a `key:value` label. AWS system tags have colons in the key (`aws:cloudformation:stack-name`), so a
 * label starting `aws:` takes three colon-separated segments as the key. Prowler 3 wrote `key: value`: one
 * space after the colon is dropped.
 */
function splitLabel(label: string): [string, string] | undefined {
  let at = label.indexOf(':');
  if (label.startsWith('aws:')) {
    const second = label.indexOf(':', 4);
    at = second < 0 ? -1 : label.indexOf(':', second + 1);
  }
  if (at <= 0) return undefined;
  const value = label.slice(at + 1);
  return [label.slice(0, at), value.startsWith(' ') ? value.slice(1) : value];
}

/** CloudFormation's stack tags name where a deployed AWS resource was declared. */
export function cloudFormationOrigin(tags: Record<string, string>): CloudResource['origin'] | undefined {
  const stack = tags['aws:cloudformation:stack-name'];
  const logicalId = tags['aws:cloudformation:logical-id'];
  if (!stack || !logicalId || stack.length > STACK_PART_MAX || logicalId.length > STACK_PART_MAX)
    return undefined;
  return { cloudformation: { stack, logicalId } };
}

/**
 * Holds a resource to the limits of the server's import schema: a uid or account beyond them drops the
 * resource (reported), an overlong name, region or address is left out, `related` is cut.
 */
function withinLimits(resource: CloudResource, context: ImportContext): boolean {
  if (resource.uid.length > ID_MAX || resource.accountId.length > ACCOUNT_MAX) {
    context.problem(
      '',
      `a resource id or account longer than the limit was skipped: ${resource.uid.slice(0, 80)}…`,
    );
    return false;
  }
  if (resource.name && resource.name.length > NAME_MAX) resource.name = null;
  if (resource.region && resource.region.length > REGION_MAX) resource.region = null;
  if ((resource.origin?.terraformAddress?.length ?? 0) > ADDRESS_MAX) delete resource.origin;
  if (resource.related.length > RELATED_MAX) resource.related = resource.related.slice(0, RELATED_MAX);
  return true;
}

/** Parts of an ARN (`arn:partition:service:region:account:resource`), or undefined when it is not one. */
export function parseArn(
  arn: string,
): { service: string; region: string; accountId: string; resource: string } | undefined {
  const match = /^arn:[a-z-]+:([a-z0-9-]+):([a-z0-9-]*):(\d{12})?:(.+)$/.exec(arn);
  if (!match) return undefined;
  return {
    service: match[1] ?? '',
    region: match[2] ?? '',
    accountId: match[3] ?? '',
    resource: match[4] ?? '',
  };
}

/** The resource's own name from an ARN's resource part: `db:orders` → orders, `role/app/x` → x. */
export function nameFromArn(arn: string): string | null {
  const resource = parseArn(arn)?.resource;
  if (!resource) return null;
  return resource.split(/[/:]/).filter(Boolean).at(-1) ?? null;
}

/** The subscription of an Azure resource id (`/subscriptions/<id>/…`). */
export function azureSubscription(id: string): string | undefined {
  return /^\/subscriptions\/([^/]+)/i.exec(id)?.[1]?.toLowerCase();
}

/** Collects resources and checks and splits them into one import per (provider, account). */
export class ImportCollector {
  private readonly accounts = new Map<
    string,
    {
      provider: CloudProvider;
      accountId: string;
      resources: Map<string, CloudResource>;
      checks: CloudCheckResult[];
    }
  >();
  private items = 0;
  observedAt: string | null = null;

  constructor(
    private readonly source: CloudImportSource,
    private readonly context: ImportContext,
  ) {}

  private account(provider: CloudProvider, accountId: string) {
    const key = `${provider}\u0000${accountId}`;
    let account = this.accounts.get(key);
    if (!account) {
      account = { provider, accountId, resources: new Map(), checks: [] };
      this.accounts.set(key, account);
    }
    return account;
  }

  private count(): void {
    this.items += 1;
    if (this.items > CLOUD_ITEMS_MAX)
      throw new CloudInventoryError(this.context.file, `more than ${CLOUD_ITEMS_MAX} items: split the file`);
  }

  /** Adds a resource; the same uid twice in one account keeps the first and merges tags and relations. */
  addResource(resource: CloudResource): void {
    if (!withinLimits(resource, this.context)) return;
    const account = this.account(resource.provider, resource.accountId);
    const existing = account.resources.get(resource.uid);
    if (!existing) {
      this.count();
      account.resources.set(resource.uid, resource);
      return;
    }
    for (const [key, value] of Object.entries(resource.tags)) {
      if (!Object.hasOwn(existing.tags, key) && Object.keys(existing.tags).length < TAGS_MAX)
        setTag(existing.tags, key, value);
    }
    existing.related = [...new Set([...existing.related, ...resource.related])].slice(0, RELATED_MAX);
    existing.region ??= resource.region;
    existing.name ??= resource.name;
    existing.kind ??= resource.kind;
    existing.origin ??= resource.origin;
  }

  addCheck(provider: CloudProvider, accountId: string, check: CloudCheckResult): void {
    this.count();
    this.account(provider, accountId).checks.push(check);
  }

  /** Keeps the latest of the times the source gives. */
  observed(time: unknown): void {
    // Epoch numbers: OCSF's timestamp_t is milliseconds, Prowler writes seconds.
    const parsed =
      typeof time === 'string'
        ? Date.parse(time)
        : typeof time === 'number'
          ? time > 1e11
            ? time
            : time * 1000
          : NaN;
    if (!Number.isFinite(parsed)) return;
    const iso = new Date(parsed).toISOString();
    if (!this.observedAt || iso > this.observedAt) this.observedAt = iso;
  }

  /** The imports, in a stable order: by provider, then account; resources by uid. */
  imports(): CloudImport[] {
    return [...this.accounts.values()]
      .sort((a, b) => compare(a.provider, b.provider) || compare(a.accountId, b.accountId))
      .map((account) => ({
        source: this.source,
        provider: account.provider,
        accountId: account.accountId,
        observedAt: this.observedAt,
        resources: [...account.resources.values()]
          .map((resource) => ({ ...resource, related: [...resource.related].sort(compare) }))
          .sort((a, b) => compare(a.uid, b.uid)),
        checks: account.checks,
      }));
  }
}

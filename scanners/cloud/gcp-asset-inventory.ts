/**
 * Google Cloud Asset Inventory exports: `gcloud asset export --content-type=resource` writes NDJSON, one
 * asset a line (`name`, `asset_type`, `resource.location`, `resource.data.labels`, `ancestors`,
 * `update_time`); `gcloud asset list --format=json` gives a JSON array with camelCase keys. Of
 * `resource.data` only `labels` (`resourceLabels` on GKE) and a Project asset's `projectId` are read.
 */
import {
  ID_MAX,
  type ImportCollector,
  type ImportContext,
  isObject,
  type JsonObject,
  readTags,
  text,
} from './input.js';
import { kindOfGcpAssetType } from './kinds.js';
import type { CloudResource } from './model.js';

/** One asset with where it was read from, for pointers. */
export interface LocatedAsset {
  value: unknown;
  at: string;
}

/** Splits NDJSON into assets; a line that is not JSON is a problem of its own and the rest goes on. */
export function ndjsonAssets(textInput: string, context: ImportContext): LocatedAsset[] {
  const assets: LocatedAsset[] = [];
  textInput.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    try {
      assets.push({ value: JSON.parse(line), at: `line ${index + 1}` });
    } catch {
      context.problem(`line ${index + 1}`, 'the line is not JSON');
    }
  });
  return assets;
}

export function readGcpAssets(
  assets: LocatedAsset[],
  context: ImportContext,
  collector: ImportCollector,
): void {
  // Names carry the project id, ancestors the project number: learn which is which from the file itself.
  const projectIdByNumber = new Map<string, string>();
  for (const { value } of assets) {
    if (!isObject(value)) continue;
    const number = projectNumber(value);
    const id = projectIdOf(value);
    if (number && id) projectIdByNumber.set(number, id);
  }
  for (const { value, at } of assets) {
    if (!isObject(value)) {
      context.problem(at, 'an asset is a JSON object');
      continue;
    }
    // IAM policy, org policy and access policy lines of other content types carry no resource.
    if (!isObject(value.resource)) continue;
    const resource = readAsset(value, value.resource, projectIdByNumber, at, context);
    if (resource) {
      collector.observed(value.update_time ?? value.updateTime);
      collector.addResource(resource);
    }
  }
}

function readAsset(
  asset: JsonObject,
  body: JsonObject,
  projectIdByNumber: Map<string, string>,
  at: string,
  context: ImportContext,
): CloudResource | undefined {
  const name = text(asset.name, ID_MAX);
  const type = text(asset.asset_type ?? asset.assetType, 300);
  if (!name?.startsWith('//') || !type) {
    context.problem(at, 'the asset has no full resource name ("//…") or asset type');
    return undefined;
  }
  const number = projectNumber(asset);
  const accountId =
    projectIdOf(asset) ??
    (number ? (projectIdByNumber.get(number) ?? number) : undefined) ??
    context.defaultAccountId;
  if (!accountId) {
    context.problem(at, 'the asset names no project in its name or ancestors: pass --account');
    return undefined;
  }
  const data = isObject(body.data) ? body.data : {};
  const resource: CloudResource = {
    uid: name,
    provider: 'google',
    accountId,
    region: text(body.location, 100) ?? null,
    type,
    name: name.split('/').filter(Boolean).at(-1) ?? null,
    // GKE clusters keep their labels in `resourceLabels`.
    tags: readTags(data.labels ?? data.resourceLabels, context, `${at} resource.data.labels`),
    related: [],
  };
  const kind = kindOfGcpAssetType(type);
  if (kind) resource.kind = kind;
  return resource;
}

/** The project id in a full resource name (`//compute.googleapis.com/projects/<id>/…`), or a Project's own. */
function projectIdOf(asset: JsonObject): string | undefined {
  const type = asset.asset_type ?? asset.assetType;
  if (type === 'cloudresourcemanager.googleapis.com/Project') {
    const data = isObject(asset.resource) && isObject(asset.resource.data) ? asset.resource.data : {};
    return text(data.projectId, 100);
  }
  const fromName =
    typeof asset.name === 'string' ? /^\/\/[^/]+\/projects\/([^/]+)\//.exec(asset.name)?.[1] : undefined;
  // A project number in the name is not an id.
  return fromName && !/^\d+$/.test(fromName) ? fromName : undefined;
}

/** The project number from `ancestors` (`["projects/123", "folders/…", "organizations/…"]`). */
function projectNumber(asset: JsonObject): string | undefined {
  if (!Array.isArray(asset.ancestors)) return undefined;
  for (const ancestor of asset.ancestors) {
    const match = typeof ancestor === 'string' ? /^projects\/([^/]+)$/.exec(ancestor) : null;
    if (match?.[1]) return match[1];
  }
  return undefined;
}

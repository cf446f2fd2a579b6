/**
 * Azure Resource Graph exports (`az graph query -q "Resources | project id, name, type, location, tags,
 * subscriptionId, resourceGroup" --output json`): a JSON array of rows, or `{count, data: [rows]}` from newer
 * Azure CLIs. Only id, name, type, location, tags and subscriptionId are read; `properties`, when a query
 * keeps it, is not.
 */
import {
  azureSubscription,
  CloudInventoryError,
  ID_MAX,
  type ImportCollector,
  type ImportContext,
  isObject,
  readTags,
  text,
} from './input.js';
import { kindOfIacType } from './kinds.js';
import type { CloudResource } from './model.js';

export function readAzureResourceGraph(
  document: unknown,
  context: ImportContext,
  collector: ImportCollector,
): void {
  const rows = Array.isArray(document) ? document : isObject(document) ? document.data : undefined;
  const base = Array.isArray(document) ? '' : '/data';
  if (!Array.isArray(rows)) {
    throw new CloudInventoryError(
      context.file,
      'an Azure Resource Graph export is a JSON array of rows or an object with "data"',
    );
  }
  rows.forEach((row, index) => {
    const at = `${base}/${index}`;
    if (!isObject(row)) {
      context.problem(at, 'a row is a JSON object');
      return;
    }
    const id = text(row.id, ID_MAX);
    if (!id?.startsWith('/')) {
      context.problem(`${at}/id`, 'the row has no Azure resource id');
      return;
    }
    const type = text(row.type, 300)?.toLowerCase();
    if (!type) {
      context.problem(`${at}/type`, 'the row has no type');
      return;
    }
    const accountId =
      text(row.subscriptionId, 100)?.toLowerCase() ?? azureSubscription(id) ?? context.defaultAccountId;
    if (!accountId) {
      context.problem(at, 'the row names no subscription: pass --account');
      return;
    }
    const tags = readTags(row.tags, context, `${at}/tags`);
    const resource: CloudResource = {
      uid: id.toLowerCase(),
      provider: 'azure',
      accountId,
      region: text(row.location, 100) ?? null,
      type,
      name: text(row.name, 1000) ?? id.split('/').at(-1) ?? null,
      tags,
      related: [],
    };
    const kind = kindOfIacType('arm', type);
    if (kind) resource.kind = kind;
    collector.addResource(resource);
  });
}

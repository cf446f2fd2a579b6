/**
 * AWS Config configuration snapshots (delivered to S3 by `aws configservice deliver-config-snapshot`): an
 * object with `configurationItems[]`. Each item gives resourceType (a CloudFormation type), resourceId, ARN,
 * awsRegion, awsAccountId, resourceName, tags and relationships. `configuration` and
 * `supplementaryConfiguration` (the full resource settings, user data included) are never read.
 */
import {
  CloudInventoryError,
  clipped,
  cloudFormationOrigin,
  ID_MAX,
  type ImportCollector,
  type ImportContext,
  isObject,
  type JsonObject,
  nameFromArn,
  readTags,
  text,
} from './input.js';
import { kindOfIacType } from './kinds.js';
import type { CloudResource } from './model.js';

/** Items recorded as deleted describe resources that are gone. */
const DELETED = new Set(['ResourceDeleted', 'ResourceDeletedNotRecorded']);
/** Config's own records about other resources, not resources. */
const NOT_RESOURCES = new Set(['AWS::Config::ResourceCompliance']);

export function readAwsConfigSnapshot(
  document: unknown,
  context: ImportContext,
  collector: ImportCollector,
): void {
  if (!isObject(document) || !Array.isArray(document.configurationItems)) {
    throw new CloudInventoryError(
      context.file,
      'an AWS Config snapshot is an object with a "configurationItems" array',
    );
  }
  const read: { resource: CloudResource; relationships: unknown[]; at: string }[] = [];
  // Relationships name resources by type and id; the snapshot's own items turn them into uids.
  const uidByTypeAndId = new Map<string, string>();
  document.configurationItems.forEach((item, index) => {
    const at = `/configurationItems/${index}`;
    if (!isObject(item)) {
      context.problem(at, 'a configuration item is a JSON object');
      return;
    }
    if (DELETED.has(String(item.configurationItemStatus)) || NOT_RESOURCES.has(String(item.resourceType)))
      return;
    const resource = readItem(item, at, context);
    if (!resource) return;
    collector.observed(item.configurationItemCaptureTime);
    uidByTypeAndId.set(`${resource.type}\u0000${text(item.resourceId, ID_MAX)}`, resource.uid);
    read.push({ resource, relationships: Array.isArray(item.relationships) ? item.relationships : [], at });
  });
  for (const { resource, relationships } of read) {
    const related = relationships.flatMap((relationship) => {
      if (!isObject(relationship)) return [];
      const id = text(relationship.resourceId, ID_MAX);
      const type = text(relationship.resourceType, 300);
      if (!id) return [];
      return uidByTypeAndId.get(`${type}\u0000${id}`) ?? (id.startsWith('arn:') ? [id] : []);
    });
    resource.related = [...new Set(related)].filter((uid) => uid !== resource.uid);
    collector.addResource(resource);
  }
}

function readItem(item: JsonObject, at: string, context: ImportContext): CloudResource | undefined {
  const type = text(item.resourceType, 300);
  const resourceId = text(item.resourceId, ID_MAX);
  if (!type || !resourceId) {
    context.problem(at, 'the item has no resourceType or resourceId');
    return undefined;
  }
  const arn = text(item.ARN ?? item.arn, ID_MAX);
  const accountId = text(item.awsAccountId, 32) ?? context.defaultAccountId;
  if (!accountId) {
    context.problem(at, 'the item has no awsAccountId: pass --account');
    return undefined;
  }
  const tags = readTags(item.tags, context, `${at}/tags`);
  const resource: CloudResource = {
    uid: arn ?? resourceId,
    provider: 'aws',
    accountId,
    region: text(item.awsRegion, 100) ?? null,
    type,
    name: text(item.resourceName, 1000) ?? (arn ? nameFromArn(arn) : clipped(resourceId, 1000)),
    tags,
    related: [],
  };
  const kind = kindOfIacType('cloudformation', type);
  if (kind) resource.kind = kind;
  const origin = cloudFormationOrigin(tags);
  if (origin) resource.origin = origin;
  return resource;
}

/**
 * Prowler 4/5 `--output-formats json-ocsf`: a JSON array of OCSF Detection Finding objects (class_uid 2004),
 * one per check and resource. Resources come from `resources[]` (uid, name, type, region, `labels`), the
 * account and provider from `cloud`, the check from `metadata.event_code`, `finding_info` and `status_code`.
 * `resources[].data` (the resource's full configuration) and `unmapped` other than categories are never read.
 */
import { checkCategories } from './categories.js';
import {
  azureSubscription,
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
import { kindOfProwlerType } from './kinds.js';
import type { CloudCheckResult, CloudCheckStatus, CloudProvider, CloudResource } from './model.js';

export const OCSF_DETECTION_FINDING = 2004;

const PROVIDERS: Record<string, CloudProvider> = {
  aws: 'aws',
  azure: 'azure',
  gcp: 'google',
  google: 'google',
};

/** OCSF severity_id: 1 Informational, 2 Low, 3 Medium, 4 High, 5 Critical, 6 Fatal. */
const SEVERITY_BY_ID: Record<number, CloudCheckResult['severity']> = {
  1: 'info',
  2: 'low',
  3: 'medium',
  4: 'high',
  5: 'critical',
  6: 'critical',
};
const SEVERITY_BY_NAME: Record<string, CloudCheckResult['severity']> = {
  informational: 'info',
  info: 'info',
  low: 'low',
  medium: 'medium',
  high: 'high',
  critical: 'critical',
  fatal: 'critical',
};
const STATUSES: Record<string, CloudCheckStatus> = { PASS: 'pass', FAIL: 'fail', MANUAL: 'manual' };

export function readProwlerOcsf(document: unknown, context: ImportContext, collector: ImportCollector): void {
  if (!Array.isArray(document)) {
    throw new CloudInventoryError(context.file, 'Prowler OCSF output is a JSON array of findings');
  }
  const otherProviders = new Map<string, number>();
  document.forEach((finding, index) => {
    const at = `/${index}`;
    if (!isObject(finding)) {
      context.problem(at, 'a finding is a JSON object');
      return;
    }
    if (finding.class_uid !== OCSF_DETECTION_FINDING) {
      context.problem(
        at,
        `class_uid ${String(finding.class_uid).slice(0, 40)} is not a Detection Finding (2004)`,
      );
      return;
    }
    const cloud = isObject(finding.cloud) ? finding.cloud : {};
    const providerName = text(cloud.provider, 64)?.toLowerCase() ?? '(none)';
    const provider = PROVIDERS[providerName];
    if (!provider) {
      otherProviders.set(providerName, (otherProviders.get(providerName) ?? 0) + 1);
      return;
    }
    readFinding(finding, provider, cloud, at, context, collector);
  });
  for (const [name, count] of otherProviders)
    context.problem(
      '',
      `${count} finding(s) of provider "${name}" skipped: only aws, azure and gcp are read`,
    );
}

function readFinding(
  finding: JsonObject,
  provider: CloudProvider,
  cloud: JsonObject,
  at: string,
  context: ImportContext,
  collector: ImportCollector,
): void {
  const metadata = isObject(finding.metadata) ? finding.metadata : {};
  const info = isObject(finding.finding_info) ? finding.finding_info : {};
  const checkId = text(metadata.event_code, 200);
  if (!checkId) {
    context.problem(`${at}/metadata/event_code`, 'the finding names no check');
    return;
  }
  const status = STATUSES[String(finding.status_code).toUpperCase()];
  if (!status) {
    context.problem(`${at}/status_code`, 'status_code is not PASS, FAIL or MANUAL');
    return;
  }
  const resources = Array.isArray(finding.resources) ? finding.resources : [];
  if (!resources.length) {
    context.problem(`${at}/resources`, 'the finding names no resource');
    return;
  }
  collector.observed(finding.time_dt ?? finding.time);

  const account = isObject(cloud.account) ? cloud.account : {};
  const findingAccount = text(account.uid, 200) ?? context.defaultAccountId;
  const unmapped = isObject(finding.unmapped) ? finding.unmapped : {};
  const check = {
    checkId,
    title: clipped(info.title, 1000) || checkId,
    severity: severityOf(finding),
    status,
    message: clipped(finding.message ?? finding.status_detail, 4000),
    categories: checkCategories(checkId, strings(unmapped.categories), strings(info.types)),
  };

  resources.forEach((item, index) => {
    const resourceAt = `${at}/resources/${index}`;
    if (!isObject(item)) {
      context.problem(resourceAt, 'a resource is a JSON object');
      return;
    }
    let uid = text(item.uid, ID_MAX);
    if (!uid) {
      context.problem(`${resourceAt}/uid`, 'the resource has no uid');
      return;
    }
    // Azure resource ids are case-insensitive: one spelling, the one Resource Graph uses.
    if (provider === 'azure' && uid.startsWith('/')) uid = uid.toLowerCase();
    const accountId = (provider === 'azure' ? azureSubscription(uid) : undefined) ?? findingAccount;
    if (!accountId) {
      context.problem(resourceAt, 'the finding names no account (cloud.account.uid): pass --account');
      return;
    }
    const type = text(item.type, 300) ?? 'unknown';
    // Prowler writes tags as `key:value` labels; OCSF 1.x also has key/value `tags`.
    const tags = {
      ...readTags(item.labels, context, `${resourceAt}/labels`),
      ...readTags(item.tags, context, `${resourceAt}/tags`),
    };
    const resource: CloudResource = {
      uid,
      provider,
      accountId,
      region: text(item.region, 100) ?? text(cloud.region, 100) ?? null,
      type,
      name: text(item.name, 1000) ?? (uid.startsWith('arn:') ? nameFromArn(uid) : null),
      tags,
      related: [],
    };
    const kind = kindOfProwlerType(provider, type);
    if (kind) resource.kind = kind;
    const origin = cloudFormationOrigin(tags);
    if (origin) resource.origin = origin;
    collector.addResource(resource);
    collector.addCheck(provider, accountId, {
      resourceUid: uid,
      ...check,
      categories: [...check.categories],
    });
  });
}

function severityOf(finding: JsonObject): CloudCheckResult['severity'] {
  const byName =
    typeof finding.severity === 'string' ? SEVERITY_BY_NAME[finding.severity.toLowerCase()] : undefined;
  return (
    byName ??
    (typeof finding.severity_id === 'number' ? SEVERITY_BY_ID[finding.severity_id] : undefined) ??
    'info'
  );
}

/** The bounded strings of a list (categories, check types). */
function strings(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => text(item, 100) ?? []).slice(0, 50);
}

/**
 * `readCloudInventory`: one file of cloud inventory (any supported format) → one `CloudImport` per account.
 * The format comes from `source` or is recognised from the content; a file that cannot be read at all throws
 * a CloudInventoryError, while a bad item is reported through `onProblem` and the rest is read.
 */
import { readAwsConfigSnapshot } from './aws-config.js';
import { readAzureResourceGraph } from './azure-resource-graph.js';
import { type LocatedAsset, ndjsonAssets, readGcpAssets } from './gcp-asset-inventory.js';
import {
  CLOUD_INPUT_MAX_CHARS,
  CloudInventoryError,
  type CloudInventoryProblem,
  ImportCollector,
  type ImportContext,
  isObject,
} from './input.js';
import { CLOUD_IMPORT_SOURCES, type CloudImport, type CloudImportSource } from './model.js';
import { OCSF_DETECTION_FINDING, readProwlerOcsf } from './prowler-ocsf.js';
import { readTerraformState } from './terraform-state.js';

export { CloudInventoryError, type CloudInventoryProblem } from './input.js';

export interface ReadCloudInventoryOptions {
  /** The format, when the caller knows it (`--source`); otherwise recognised from the content. */
  source?: CloudImportSource;
  /** The account for resources whose source does not name one (`--account`), e.g. S3 buckets in state. */
  accountId?: string;
  /** Receives each item that was skipped or trimmed; without it, problems are dropped silently. */
  onProblem?: (problem: CloudInventoryProblem) => void;
}

/** How to produce each format, for the error that names them. */
export const SOURCE_DESCRIPTIONS: Record<CloudImportSource, string> = {
  'prowler-ocsf': 'Prowler --output-formats json-ocsf',
  'terraform-state': 'terraform state pull (state v4)',
  'aws-config': 'an AWS Config configuration snapshot',
  'azure-resource-graph': 'az graph query … --output json',
  'gcp-asset-inventory': 'gcloud asset export (NDJSON)',
};

export function readCloudInventory(
  text: string,
  fileName: string,
  options: ReadCloudInventoryOptions = {},
): CloudImport[] {
  if (text.length > CLOUD_INPUT_MAX_CHARS)
    throw new CloudInventoryError(
      fileName,
      `larger than ${CLOUD_INPUT_MAX_CHARS / 1024 / 1024} MiB: split it`,
    );
  const context: ImportContext = {
    file: fileName,
    defaultAccountId: options.accountId,
    problem: (pointer, message) => options.onProblem?.({ file: fileName, pointer, message }),
  };
  const input = parse(text, fileName, options.source);
  const source = options.source ?? detectSource(input, fileName);
  const collector = new ImportCollector(source, context);
  switch (source) {
    case 'prowler-ocsf':
      readProwlerOcsf(input.document, context, collector);
      break;
    case 'terraform-state':
      checkStateVersion(input.document, fileName);
      readTerraformState(input.document, context, collector);
      break;
    case 'aws-config':
      readAwsConfigSnapshot(input.document, context, collector);
      break;
    case 'azure-resource-graph':
      readAzureResourceGraph(input.document, context, collector);
      break;
    case 'gcp-asset-inventory':
      readGcpAssets(
        input.ndjson !== undefined ? ndjsonAssets(input.ndjson, context) : assetsOf(input.document),
        context,
        collector,
      );
      break;
  }
  return collector.imports();
}

interface ParsedInput {
  document?: unknown;
  /** NDJSON text, read line by line. */
  ndjson?: string;
}

function parse(text: string, fileName: string, source: CloudImportSource | undefined): ParsedInput {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return { document: JSON.parse(body) };
  } catch (error) {
    // Several JSON lines: Cloud Asset Inventory's NDJSON.
    const firstLine = body.trimStart().split('\n', 1)[0] ?? '';
    if (source === 'gcp-asset-inventory' || (!source && looksLikeAssetLine(firstLine)))
      return { ndjson: body };
    throw new CloudInventoryError(fileName, `not JSON (${(error as Error).message})`);
  }
}

function looksLikeAssetLine(line: string): boolean {
  try {
    const value: unknown = JSON.parse(line);
    return (
      isObject(value) && typeof value.name === 'string' && ('asset_type' in value || 'assetType' in value)
    );
  } catch {
    return false;
  }
}

function assetsOf(document: unknown): LocatedAsset[] {
  if (Array.isArray(document)) return document.map((value, index) => ({ value, at: `/${index}` }));
  return [{ value: document, at: 'line 1' }];
}

/** Recognises the format from the document's shape. */
function detectSource(input: ParsedInput, fileName: string): CloudImportSource {
  if (input.ndjson !== undefined) return 'gcp-asset-inventory';
  const document = input.document;
  if (isObject(document)) {
    if (Array.isArray(document.resources) && ('terraform_version' in document || 'lineage' in document))
      return 'terraform-state';
    if (Array.isArray(document.configurationItems)) return 'aws-config';
    if (Array.isArray(document.data) && isAzureRow(document.data[0])) return 'azure-resource-graph';
    if (typeof document.name === 'string' && ('asset_type' in document || 'assetType' in document))
      return 'gcp-asset-inventory';
  }
  if (Array.isArray(document)) {
    const first = document.find(isObject);
    if (first && 'class_uid' in first) {
      if (first.class_uid !== OCSF_DETECTION_FINDING)
        throw new CloudInventoryError(
          fileName,
          `OCSF class_uid ${String(first.class_uid).slice(0, 40)} is not read: Prowler 4 and later write Detection Findings (2004)`,
          '/0/class_uid',
        );
      return 'prowler-ocsf';
    }
    if (isAzureRow(first)) return 'azure-resource-graph';
    if (first && typeof first.name === 'string' && ('asset_type' in first || 'assetType' in first))
      return 'gcp-asset-inventory';
  }
  throw new CloudInventoryError(
    fileName,
    `cannot tell the format: expected one of ${CLOUD_IMPORT_SOURCES.map(
      (source) => `${source} (${SOURCE_DESCRIPTIONS[source]})`,
    ).join(', ')}; an empty or unusual file needs --source`,
  );
}

function isAzureRow(value: unknown): boolean {
  return (
    isObject(value) && typeof value.id === 'string' && /^\/subscriptions\//i.test(value.id) && 'type' in value
  );
}

function checkStateVersion(document: unknown, fileName: string): void {
  if (isObject(document) && document.version !== 4)
    throw new CloudInventoryError(
      fileName,
      `Terraform state version ${String(document.version)} is not read: Terraform 0.12 and later write version 4`,
      '/version',
    );
}

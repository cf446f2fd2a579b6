/**
 * The provider-neutral cloud inventory that every cloud import format is read into (Prowler OCSF, Terraform
 * state v4, AWS Config snapshots, Azure Resource Graph, Google Cloud Asset Inventory). Importers are the only
 * format-aware code; the server stores and correlates this shape. Nothing here may hold a secret: importers
 * copy only identifiers, names, types, places and tags.
 */

export type CloudProvider = 'aws' | 'azure' | 'google';

export const CLOUD_IMPORT_SOURCES = [
  'prowler-ocsf',
  'terraform-state',
  'aws-config',
  'azure-resource-graph',
  'gcp-asset-inventory',
] as const;
export type CloudImportSource = (typeof CLOUD_IMPORT_SOURCES)[number];

/** Where a deployed resource came from in code, when the source says so (Terraform state, stack tags). */
export interface CloudResourceOrigin {
  /** Terraform: full address with module path and instance key, e.g. `module.site.aws_s3_bucket.logs["a"]`. */
  terraformAddress?: string;
  /** CloudFormation: the stack name and the resource's logical id (`aws:cloudformation:*` tags). */
  cloudformation?: { stack: string; logicalId: string };
}

export interface CloudResource {
  /** Stable id in its cloud: the ARN, the Azure resource id (lower-cased), the GCP full resource name. */
  uid: string;
  provider: CloudProvider;
  /** AWS account id, Azure subscription id, GCP project id or number. */
  accountId: string;
  region: string | null;
  /** The source's own type: `AWS::S3::Bucket`, `aws_s3_bucket`, `microsoft.storage/storageaccounts`, … */
  type: string;
  /** The neutral kind (`aws.s3.bucket`) when the type maps to one; used for the name heuristic and scoring. */
  kind?: string;
  /** The resource's name (bucket name, Azure name, last segment of a GCP name). */
  name: string | null;
  tags: Record<string, string>;
  origin?: CloudResourceOrigin;
  /** uids of resources this one is attached to or uses (AWS Config relationships, NIC → VM, …). */
  related: string[];
}

export type CloudCheckStatus = 'pass' | 'fail' | 'manual';

/** A runtime posture check result on one resource (Prowler's PASS/FAIL findings). */
export interface CloudCheckResult {
  resourceUid: string;
  /** The scanner's check id, e.g. `s3_bucket_public_access`. */
  checkId: string;
  title: string;
  severity: 'critical' | 'high' | 'medium' | 'low' | 'info';
  status: CloudCheckStatus;
  message: string;
  /** Free tags of the check, e.g. `internet-exposed`, `sensitive-data`, `admin-privilege`. */
  categories: string[];
}

/** One import: a snapshot of one account's inventory from one source. */
export interface CloudImport {
  source: CloudImportSource;
  provider: CloudProvider;
  accountId: string;
  /** When the source says the snapshot was taken (ISO 8601), else null. */
  observedAt: string | null;
  resources: CloudResource[];
  checks: CloudCheckResult[];
}

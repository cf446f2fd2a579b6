import type { Range } from '../core/types.js';
import type { MapNode } from '../parsers/tree.js';

/** The IaC families whose resources are mapped onto the neutral model by kind definitions. */
export type IacFamily = 'terraform' | 'cloudformation' | 'arm';

/**
 * A resource as its template declares it, after evaluation, before mapping to the neutral model.
 * Evaluators (Terraform HCL and plan JSON, CloudFormation, ARM) produce these; they are the only
 * format-aware code. Kind definitions (model/kinds.ts) then map them onto provider-neutral entities.
 */
export interface DeclaredResource {
  family: IacFamily;
  /** The provider's type: `aws_s3_bucket`, `AWS::S3::Bucket`, `Microsoft.Storage/storageAccounts`. */
  type: string;
  /**
   * Stable, unique address: `aws_s3_bucket.logs`, `module.site.aws_s3_bucket.logs["a"]`,
   * `Resources.LogsBucket`, `Microsoft.Storage/storageAccounts/[variables('name')]`.
   */
  address: string;
  /** File holding the declaration, relative to the scan root. */
  file: string;
  /** The whole declaration. */
  range: Range;
  /** The header (`resource "aws_s3_bucket" "logs" {` line, the logical id key): where "missing" findings point. */
  headerRange: Range;
  /** Calling module path for Terraform resources instantiated from a module, e.g. `module.site`. */
  modulePath?: string;
  /**
   * The evaluated body: Terraform attributes and blocks (each block type is a seq of maps, even when it
   * appears once), CloudFormation `Properties`, the ARM resource object. Values that cannot be known are
   * UnknownNodes carrying `refs` to the resources they come from.
   */
  body: MapNode;
  /**
   * Names other resources use to point at this one; an UnknownNode whose `refs` include one of them refers
   * here. Terraform: `aws_s3_bucket.logs` (module-qualified inside modules, without instance keys);
   * CloudFormation: the logical id; ARM: the resource name expression's value and its resourceId.
   */
  refKeys: string[];
}

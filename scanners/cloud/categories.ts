/**
 * The categories of a runtime check that the priority score uses, derived from Prowler's check metadata:
 * its own `Categories` (OCSF `unmapped.categories`), its check types (`finding_info.types`) and the check id,
 * whose first segment is the service (`s3_bucket_public_access` → s3). docs/cloud.md lists the table.
 */

const CHECK_CATEGORIES = [
  'internet-exposed',
  'sensitive-data',
  'admin-privilege',
  'encryption',
  'logging',
] as const;
type CheckCategory = (typeof CHECK_CATEGORIES)[number];

interface CategoryRule {
  category: CheckCategory;
  /** Prowler categories that mean it. */
  prowlerCategories: string[];
  /** Check id patterns that mean it. */
  checkId?: RegExp;
  /** Check type patterns (`Sensitive Data Identifications`, `Effects/Data Exposure`). */
  checkType?: RegExp;
  /** Services whose resources are data stores: any check on them is about sensitive data. */
  services?: string[];
}

const CATEGORY_RULES: readonly CategoryRule[] = [
  {
    category: 'internet-exposed',
    prowlerCategories: ['internet-exposed'],
    checkId:
      /public|internet|0_0_0_0|anonymous|open_to_the_world|allow_ingress_from|exposed|unrestricted|all_users|allusers/,
    checkType: /Effects\/Data Exposure/i,
  },
  {
    category: 'sensitive-data',
    prowlerCategories: ['secrets', 'sensitive-data'],
    checkType: /Sensitive Data Identifications/i,
    services: [
      's3',
      'rds',
      'dynamodb',
      'redshift',
      'efs',
      'documentdb',
      'neptune',
      'secretsmanager',
      'elasticache',
      'opensearch',
      'storage',
      'sqlserver',
      'cosmosdb',
      'postgresql',
      'mysql',
      'keyvault',
      'cloudsql',
      'cloudstorage',
      'bigquery',
    ],
  },
  {
    category: 'admin-privilege',
    prowlerCategories: [],
    checkId:
      /administrative_privileges|administratoraccess|admin_access|privilege_escalation|full_access|^iam_root_|no_root_|wildcard|owner_role|primitive_roles/,
  },
  {
    category: 'encryption',
    prowlerCategories: ['encryption'],
    checkId: /encrypt|_kms_|_cmk|customer_managed_key|_tls|_ssl|https|secure_transport|in_transit|at_rest/,
  },
  {
    category: 'logging',
    prowlerCategories: ['logging'],
    checkId: /logging|_logs?_|_logs?$|cloudtrail|flow_log|audit/,
  },
];

/**
 * The categories of one check: the derived ones from the table, then Prowler's own categories as given
 * (lower-cased, so `threat-detection` or `gen-ai` stay visible), without duplicates.
 */
export function checkCategories(
  checkId: string,
  prowlerCategories: string[],
  checkTypes: string[],
): string[] {
  const own = prowlerCategories.map((category) => category.toLowerCase());
  const service = checkId.split('_')[0] ?? '';
  const derived = CATEGORY_RULES.filter(
    (rule) =>
      rule.prowlerCategories.some((category) => own.includes(category)) ||
      rule.checkId?.test(checkId) ||
      (rule.checkType && checkTypes.some((type) => rule.checkType?.test(type))) ||
      rule.services?.includes(service),
  ).map((rule) => rule.category);
  return [...new Set<string>([...derived, ...own])].slice(0, 50);
}

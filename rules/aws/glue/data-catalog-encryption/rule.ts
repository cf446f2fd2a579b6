import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-GLUE-002',
  title: 'Glue Data Catalog is not encrypted at rest',
  severity: 'medium',
  severityRationale:
    'Catalog metadata (table schemas, locations, connection details) is stored unencrypted; it maps the data lake for an intruder.',
  category: 'iac',
  description:
    'The account’s AWS Glue Data Catalog encryption settings leave catalog encryption at rest disabled.',
  cwe: ['CWE-311'],
  remediation:
    'Set data_catalog_encryption_settings.encryption_at_rest.catalog_encryption_mode (EncryptionAtRest.CatalogEncryptionMode) to SSE-KMS.',
  tags: ['aws', 'glue', 'encryption'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.glue.catalogEncryptions',
  when: {
    attribute: 'catalogEncryptionMode',
    equals: 'DISABLED',
  },
  message: 'Glue Data Catalog settings {address} leave the catalog unencrypted.',
});

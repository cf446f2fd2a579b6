import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-ATHENA-001',
  title: 'Athena workgroup does not encrypt query results',
  severity: 'medium',
  severityRationale:
    'Query results copy sensitive table data to S3; without workgroup encryption they rely on the bucket’s own settings.',
  category: 'iac',
  description: 'An Athena workgroup does not configure encryption for the query results it writes to S3.',
  cwe: ['CWE-311'],
  remediation:
    'Set configuration.result_configuration.encryption_configuration.encryption_option (ResultConfiguration.EncryptionConfiguration.EncryptionOption) to SSE_KMS or CSE_KMS, and enforce the workgroup configuration.',
  tags: ['aws', 'athena', 'encryption'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.athena.workgroups',
  when: {
    attribute: 'resultEncryption',
    exists: false,
  },
  message: 'Athena workgroup {address} does not encrypt query results.',
});

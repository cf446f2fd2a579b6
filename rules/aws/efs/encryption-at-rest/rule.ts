import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-EFS-001',
  title: 'EFS file system is not encrypted at rest',
  severity: 'high',
  severityRationale:
    'Shared file systems often hold application data and home directories; unencrypted, they are readable from the underlying storage and backups.',
  category: 'iac',
  description: 'An Amazon EFS file system does not encrypt file data and metadata at rest.',
  cwe: ['CWE-311'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'EFS.1',
    },
  ],
  remediation:
    'Set encrypted (Encrypted) to true, with kms_key_id (KmsKeyId) for a customer managed key; it can only be set at creation.',
  tags: ['aws', 'efs', 'encryption'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.efs.fileSystems',
  when: {
    attribute: 'encrypted',
    equals: false,
  },
  message: 'EFS file system {address} is not encrypted at rest.',
});

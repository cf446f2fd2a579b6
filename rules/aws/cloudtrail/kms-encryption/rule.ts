import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-CLOUDTRAIL-003',
  title: 'CloudTrail logs are not encrypted with a KMS key',
  severity: 'medium',
  severityRationale:
    'Logs stay protected by S3 server-side encryption and bucket access control; a KMS key adds a second, separately audited permission.',
  category: 'iac',
  description:
    'A CloudTrail trail delivers its logs with S3-managed encryption only, so anyone who can read the bucket can read the audit trail.',
  cwe: ['CWE-311'],
  benchmarks: [
    {
      framework: 'CIS AWS Foundations',
      version: '1.4.0',
      control: '3.7',
    },
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'CloudTrail.2',
    },
  ],
  remediation:
    'Set kms_key_id (KMSKeyId) to a customer managed KMS key whose policy lets CloudTrail encrypt.',
  tags: ['aws', 'cloudtrail', 'encryption', 'kms'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.cloudtrail.trails',
  when: {
    attribute: 'kmsKeyId',
    exists: false,
  },
  message: 'Trail {address} does not encrypt its logs with a KMS key.',
});

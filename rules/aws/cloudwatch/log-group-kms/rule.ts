import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-CLOUDWATCH-001',
  title: 'CloudWatch log group is not encrypted with a KMS key',
  severity: 'low',
  severityRationale:
    'Log data is always encrypted by CloudWatch Logs; a customer managed key only adds control over who can decrypt it.',
  category: 'iac',
  description:
    'A CloudWatch Logs group uses the service-owned encryption key, so access to its events is governed by IAM alone and cannot be revoked through a key.',
  cwe: ['CWE-311'],
  remediation:
    'Set kms_key_id (KmsKeyId) to a customer managed KMS key that allows the logs service principal.',
  tags: ['aws', 'cloudwatch', 'logging', 'encryption', 'kms'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.cloudwatch.logGroups',
  when: {
    attribute: 'kmsKeyId',
    exists: false,
  },
  message: 'Log group {address} is not encrypted with a customer managed KMS key.',
});

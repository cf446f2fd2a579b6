import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-SECRETSMANAGER-002',
  title: 'Secrets Manager secret is not encrypted with a customer managed KMS key',
  severity: 'low',
  severityRationale:
    'Secrets are always encrypted; the AWS managed key only prevents sharing across accounts and limiting decryption through a key policy.',
  category: 'iac',
  description:
    'A Secrets Manager secret uses the AWS managed aws/secretsmanager key, so access cannot be controlled or revoked through a key policy and the secret cannot be shared with another account.',
  cwe: ['CWE-311'],
  remediation: 'Set kms_key_id (KmsKeyId) to a customer managed KMS key.',
  tags: ['aws', 'secretsmanager', 'encryption', 'kms'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.secretsmanager.secrets',
  when: {
    attribute: 'kmsKeyId',
    exists: false,
  },
  message: 'Secret {address} is not encrypted with a customer managed KMS key.',
});

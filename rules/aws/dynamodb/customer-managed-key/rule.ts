import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-DYNAMODB-002',
  title: 'DynamoDB table is not encrypted with a customer managed KMS key',
  severity: 'low',
  severityRationale:
    'Tables are always encrypted at rest; a customer managed key only adds control over and an audit trail of decryption.',
  category: 'iac',
  description:
    'A DynamoDB table is encrypted with an AWS owned or AWS managed key, so access to the data cannot be limited or revoked through the key policy.',
  cwe: ['CWE-311'],
  remediation:
    'Enable server_side_encryption with kms_key_arn (SSESpecification with SSEEnabled, SSEType KMS and KMSMasterKeyId) set to a customer managed key.',
  tags: ['aws', 'dynamodb', 'encryption', 'kms'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.dynamodb.tables',
  when: {
    attribute: 'kmsKeyArn',
    exists: false,
  },
  message: 'DynamoDB table {address} is not encrypted with a customer managed KMS key.',
});

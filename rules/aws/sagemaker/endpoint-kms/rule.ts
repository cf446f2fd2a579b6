import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-SAGEMAKER-004',
  title: 'SageMaker endpoint configuration does not encrypt storage with a customer managed key',
  severity: 'low',
  severityRationale:
    'Endpoint volumes are encrypted with an AWS managed key anyway; a customer managed key adds control and an audit trail.',
  category: 'iac',
  description:
    'A SageMaker endpoint configuration does not name a KMS key for the storage volumes attached to its inference instances.',
  cwe: ['CWE-311'],
  remediation: 'Set kms_key_arn (KmsKeyId) to a customer managed KMS key.',
  tags: ['aws', 'sagemaker', 'encryption', 'kms'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.sagemaker.endpointConfigurations',
  when: {
    attribute: 'kmsKeyId',
    exists: false,
  },
  message: 'SageMaker endpoint configuration {address} does not use a customer managed key.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-SAGEMAKER-003',
  title: 'SageMaker notebook instance storage is not encrypted with a customer managed key',
  severity: 'low',
  severityRationale:
    'The volume is encrypted with an AWS managed key anyway; a customer managed key adds control over and an audit trail of decryption.',
  category: 'iac',
  description: 'A SageMaker notebook instance does not name a KMS key for its ML storage volume.',
  cwe: ['CWE-311'],
  remediation: 'Set kms_key_id (KmsKeyId) to a customer managed KMS key.',
  tags: ['aws', 'sagemaker', 'encryption', 'kms'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.sagemaker.notebookInstances',
  when: {
    attribute: 'kmsKeyId',
    exists: false,
  },
  message: 'SageMaker notebook {address} does not encrypt its storage with a customer managed key.',
});

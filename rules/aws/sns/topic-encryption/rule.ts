import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-SNS-001',
  title: 'SNS topic is not encrypted with KMS',
  severity: 'medium',
  severityRationale:
    'Messages are stored unencrypted until delivered; they often carry personal data or internal events.',
  category: 'iac',
  description:
    'An SNS topic has no KMS key, so messages are stored without server-side encryption while SNS delivers them.',
  cwe: ['CWE-311'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'SNS.1',
    },
  ],
  remediation:
    'Set kms_master_key_id (KmsMasterKeyId) to a customer managed KMS key, or to alias/aws/sns at the least.',
  tags: ['aws', 'sns', 'encryption', 'kms'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.sns.topics',
  when: {
    attribute: 'kmsMasterKeyId',
    exists: false,
  },
  message: 'SNS topic {address} is not encrypted with KMS.',
});

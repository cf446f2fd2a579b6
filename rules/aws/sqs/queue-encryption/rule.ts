import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-SQS-001',
  title: 'SQS queue has server-side encryption turned off',
  severity: 'medium',
  severityRationale:
    'Messages are stored unencrypted while they wait in the queue; they often carry personal data or internal events.',
  category: 'iac',
  description:
    'An SQS queue turns off SQS-managed encryption and names no KMS key, so its messages are stored without encryption.',
  cwe: ['CWE-311'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'SQS.1',
    },
  ],
  remediation:
    'Remove sqs_managed_sse_enabled = false (SqsManagedSseEnabled: false), or set kms_master_key_id (KmsMasterKeyId) to a KMS key.',
  tags: ['aws', 'sqs', 'encryption'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.sqs.queues',
  when: {
    all: [
      {
        attribute: 'sqsManagedSse',
        equals: false,
      },
      {
        attribute: 'kmsMasterKeyId',
        exists: false,
      },
    ],
  },
  message: 'SQS queue {address} stores messages without encryption.',
});

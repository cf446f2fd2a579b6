import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-KINESIS-001',
  title: 'Kinesis data stream is not encrypted at rest',
  severity: 'medium',
  severityRationale:
    'Records are stored unencrypted for the retention period; they often carry clickstreams, logs or personal data.',
  category: 'iac',
  description:
    'A Kinesis data stream does not use server-side encryption with KMS, so its records are stored unencrypted.',
  cwe: ['CWE-311'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'Kinesis.1',
    },
  ],
  remediation:
    'Set encryption_type = "KMS" with kms_key_id (StreamEncryption with EncryptionType KMS and a KeyId).',
  tags: ['aws', 'kinesis', 'encryption', 'kms'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.kinesis.streams',
  when: {
    attribute: 'encrypted',
    equals: false,
  },
  message: 'Kinesis stream {address} is not encrypted at rest.',
});

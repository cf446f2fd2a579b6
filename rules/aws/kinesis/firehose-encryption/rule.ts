import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-KINESIS-002',
  title: 'Firehose delivery stream is not encrypted at rest',
  severity: 'medium',
  severityRationale:
    'Records are buffered unencrypted before delivery; they often carry logs or personal data.',
  category: 'iac',
  description:
    'An Amazon Data Firehose delivery stream that receives records directly does not enable server-side encryption.',
  cwe: ['CWE-311'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'DataFirehose.1',
    },
  ],
  remediation:
    'Add server_side_encryption { enabled = true } (DeliveryStreamEncryptionConfigurationInput with a KeyType).',
  tags: ['aws', 'firehose', 'kinesis', 'encryption'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.firehose.deliveryStreams',
  when: {
    all: [
      {
        attribute: 'encrypted',
        equals: false,
      },
      {
        attribute: 'streamSource',
        equals: false,
      },
    ],
  },
  message: 'Firehose delivery stream {address} is not encrypted at rest.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-DYNAMODB-004',
  title: 'DAX cluster is not encrypted at rest',
  severity: 'medium',
  severityRationale:
    'Cached items sit unencrypted on the cluster nodes’ storage; reaching them needs access to that storage.',
  category: 'iac',
  description:
    'A DynamoDB Accelerator (DAX) cluster does not encrypt its cache, logs and other data at rest.',
  cwe: ['CWE-311'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'DynamoDB.3',
    },
  ],
  remediation:
    'Add server_side_encryption { enabled = true } (SSESpecification.SSEEnabled: true); it can only be set when the cluster is created.',
  tags: ['aws', 'dynamodb', 'dax', 'encryption'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.dynamodb.daxClusters',
  when: {
    attribute: 'encryptedAtRest',
    equals: false,
  },
  message: 'DAX cluster {address} is not encrypted at rest.',
});

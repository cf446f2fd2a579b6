import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-DYNAMODB-005',
  title: 'DAX cluster endpoint does not use TLS',
  severity: 'medium',
  severityRationale:
    'Queries and cached items cross the VPC in clear text; reading them needs a foothold in the network.',
  category: 'iac',
  description:
    'A DynamoDB Accelerator (DAX) cluster serves clients without TLS, so items and queries travel unencrypted.',
  cwe: ['CWE-319'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'DynamoDB.7',
    },
  ],
  remediation:
    'Set cluster_endpoint_encryption_type (ClusterEndpointEncryptionType) to TLS; it can only be set when the cluster is created.',
  tags: ['aws', 'dynamodb', 'dax', 'encryption-in-transit'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.dynamodb.daxClusters',
  when: {
    attribute: 'endpointEncryption',
    equals: 'NONE',
  },
  message: 'DAX cluster {address} serves clients without TLS.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-ELASTICACHE-002',
  title: 'ElastiCache replication group does not encrypt traffic',
  severity: 'medium',
  severityRationale:
    'Commands and data between clients and nodes travel in clear text; reading them needs a foothold in the VPC.',
  category: 'iac',
  description:
    'An ElastiCache replication group does not use TLS, so clients and replicas exchange data and commands unencrypted.',
  cwe: ['CWE-319'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'ElastiCache.5',
    },
  ],
  remediation:
    'Set transit_encryption_enabled (TransitEncryptionEnabled) to true and connect clients over TLS.',
  tags: ['aws', 'elasticache', 'redis', 'encryption-in-transit'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.elasticache.replicationGroups',
  when: {
    attribute: 'transitEncryption',
    equals: false,
  },
  message: 'ElastiCache replication group {address} does not encrypt traffic in transit.',
});

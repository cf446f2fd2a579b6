import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-ELASTICACHE-001',
  title: 'ElastiCache replication group is not encrypted at rest',
  severity: 'medium',
  severityRationale:
    'Cached data, snapshots and swap files are stored unencrypted; reaching them needs access to AWS storage or a copied snapshot.',
  category: 'iac',
  description:
    'An ElastiCache (Redis OSS) replication group does not encrypt its data on disk, including backups.',
  cwe: ['CWE-311'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'ElastiCache.4',
    },
  ],
  remediation:
    'Set at_rest_encryption_enabled (AtRestEncryptionEnabled) to true, optionally with a customer managed kms_key_id; it can only be set at creation.',
  tags: ['aws', 'elasticache', 'redis', 'encryption'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.elasticache.replicationGroups',
  when: {
    all: [
      {
        attribute: 'atRestEncryption',
        equals: false,
      },
      {
        not: {
          all: [
            {
              attribute: 'engine',
              equals: 'valkey',
            },
            {
              attribute: 'atRestEncryption',
              exists: false,
            },
          ],
        },
      },
    ],
  },
  message: 'ElastiCache replication group {address} is not encrypted at rest.',
});

import { defineRule, field, isKnown, isKnownValue, resources } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AWS-ELASTICACHE-004',
  title: 'ElastiCache Redis cache keeps no automatic backups',
  severity: 'low',
  severityRationale:
    'A cache can usually be rebuilt; the loss hurts when Redis holds primary data such as queues or sessions.',
  category: 'iac',
  description:
    'An ElastiCache Redis OSS or Valkey cache has a snapshot retention limit of 0, so no daily backup is taken.',
  cwe: ['CWE-693'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'ElastiCache.1',
    },
  ],
  remediation: 'Set snapshot_retention_limit (SnapshotRetentionLimit) to 1 or more days.',
  tags: ['aws', 'elasticache', 'redis', 'backup'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    const caches = [
      ...resources(model, 'aws.elasticache.replicationGroups'),
      // Stand-alone Redis clusters; members of a replication group are backed up through the group.
      ...resources(model, 'aws.elasticache.clusters').filter((c) =>
        isKnownValue(field(c, 'replicationGroupMember'), false),
      ),
    ];
    for (const cache of caches) {
      const engine = field<string>(cache, 'engine');
      if (!isKnown(engine) || !['redis', 'valkey'].includes(engine.value)) continue;
      const retention = field<number>(cache, 'snapshotRetentionLimit');
      if (!isKnownValue(retention, 0)) continue;
      report({
        resource: cache,
        attr: retention,
        message: `ElastiCache cache ${cache.address} keeps no automatic backups.`,
      });
    }
  },
});

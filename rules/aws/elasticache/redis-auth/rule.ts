import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-ELASTICACHE-003',
  title: 'ElastiCache Redis replication group requires no authentication',
  severity: 'high',
  severityRationale:
    'Any host that can reach the nodes can read, change or flush every key without credentials.',
  category: 'iac',
  description:
    'An ElastiCache Redis OSS or Valkey replication group has neither an AUTH token nor RBAC user groups, so clients connect without credentials.',
  cwe: ['CWE-306'],
  remediation:
    'Enable transit encryption and set auth_token (AuthToken) from a secret, or attach user_group_ids (UserGroupIds) for RBAC.',
  tags: ['aws', 'elasticache', 'redis', 'authentication'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.elasticache.replicationGroups',
  when: {
    all: [
      {
        attribute: 'authToken',
        equals: false,
      },
      {
        attribute: 'userGroups',
        equals: false,
      },
      {
        attribute: 'engine',
        in: ['redis', 'valkey'],
      },
    ],
  },
  message: 'ElastiCache replication group {address} accepts clients without authentication.',
});

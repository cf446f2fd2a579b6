import { defineRule, type Entity, field, resources } from '../../../../scanners/rules/api.js';

// Aurora members take storage, backups and deletion protection from their cluster; replicas from their source.
function standalone(db: Entity): boolean {
  return (
    field<boolean>(db, 'clusterMember').value === false && field<boolean>(db, 'replicaOf').value === false
  );
}

export default defineRule({
  id: 'PAL-AWS-RDS-011',
  title: 'RDS database does not export logs to CloudWatch',
  severity: 'low',
  severityRationale:
    'Logs stay on the instance for a short time only; investigations lose error, audit and slow-query records.',
  category: 'iac',
  description: 'The DB instance or cluster exports no database logs to CloudWatch Logs.',
  cwe: ['CWE-778'],
  benchmarks: [{ framework: 'AWS Foundational Security Best Practices', control: 'RDS.9' }],
  remediation:
    'List the engine logs to export in enabled_cloudwatch_logs_exports (EnableCloudwatchLogsExports).',
  tags: ['aws', 'rds', 'logging'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    const databases = [
      ...resources(model, 'aws.rds.instances').filter(standalone),
      ...resources(model, 'aws.rds.clusters'),
    ];
    for (const db of databases) {
      const exports = field<unknown[]>(db, 'logExports');
      if (exports.origin !== 'unresolvable' && Array.isArray(exports.value) && exports.value.length === 0)
        report({ resource: db, attr: exports, message: `${db.address} exports no logs to CloudWatch.` });
    }
  },
});

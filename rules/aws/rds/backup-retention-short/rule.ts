import { defineRule, type Entity, field, resources } from '../../../../scanners/rules/api.js';

// Aurora members take storage, backups and deletion protection from their cluster; replicas from their source.
function standalone(db: Entity): boolean {
  return (
    field<boolean>(db, 'clusterMember').value === false && field<boolean>(db, 'replicaOf').value === false
  );
}

export default defineRule({
  id: 'PAL-AWS-RDS-003',
  title: 'RDS backups are kept for less than 7 days',
  severity: 'medium',
  severityRationale: 'Corruption or a malicious change noticed after the window cannot be rolled back.',
  category: 'iac',
  description:
    'The DB instance or cluster keeps automated backups for fewer than 7 days (the API default is 1), or disables them with 0.',
  cwe: ['CWE-693'],
  remediation: 'Set backup_retention_period (BackupRetentionPeriod) to at least 7 days.',
  tags: ['aws', 'rds', 'backup'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    const databases = [
      ...resources(model, 'aws.rds.instances').filter(standalone),
      ...resources(model, 'aws.rds.clusters'),
    ];
    for (const db of databases) {
      const days = field<number>(db, 'backupRetention');
      if (days.origin === 'unresolvable' || typeof days.value !== 'number' || days.value >= 7) continue;
      report({
        resource: db,
        attr: days,
        message:
          days.value === 0
            ? `${db.address} disables automated backups.`
            : `${db.address} keeps automated backups for ${days.value} day${days.value === 1 ? '' : 's'}${days.origin === 'default' ? ' (the default)' : ''}.`,
      });
    }
  },
});

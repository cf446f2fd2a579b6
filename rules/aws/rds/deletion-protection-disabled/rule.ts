import { defineRule, type Entity, field, isKnownValue, resources } from '../../../../scanners/rules/api.js';

// Aurora members take storage, backups and deletion protection from their cluster; replicas from their source.
function standalone(db: Entity): boolean {
  return (
    field<boolean>(db, 'clusterMember').value === false && field<boolean>(db, 'replicaOf').value === false
  );
}

export default defineRule({
  id: 'PAL-AWS-RDS-004',
  title: 'RDS database has no deletion protection',
  severity: 'low',
  severityRationale:
    'A mistaken delete or a destructive plan removes the database; final snapshots may still save the data.',
  category: 'iac',
  description:
    'The DB instance or cluster does not enable deletion protection, so one API call (or one Terraform apply) deletes it.',
  cwe: ['CWE-693'],
  benchmarks: [
    { framework: 'AWS Foundational Security Best Practices', control: 'RDS.7' },
    { framework: 'AWS Foundational Security Best Practices', control: 'RDS.8' },
  ],
  remediation: 'Set deletion_protection = true (DeletionProtection: true) on production databases.',
  tags: ['aws', 'rds', 'data-protection'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    const databases = [
      ...resources(model, 'aws.rds.instances').filter(standalone),
      ...resources(model, 'aws.rds.clusters'),
    ];
    for (const db of databases) {
      const protection = field<boolean>(db, 'deletionProtection');
      if (isKnownValue(protection, false))
        report({ resource: db, attr: protection, message: `${db.address} has no deletion protection.` });
    }
  },
});

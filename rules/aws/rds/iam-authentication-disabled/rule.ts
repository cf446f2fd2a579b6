import { defineRule, type Entity, field, isKnownValue, resources } from '../../../../scanners/rules/api.js';

// Aurora members take storage, backups and deletion protection from their cluster; replicas from their source.
function standalone(db: Entity): boolean {
  return (
    field<boolean>(db, 'clusterMember').value === false && field<boolean>(db, 'replicaOf').value === false
  );
}

const IAM_ENGINES = new Set(['mysql', 'mariadb', 'postgres', 'aurora', 'aurora-mysql', 'aurora-postgresql']);

export default defineRule({
  id: 'PAL-AWS-RDS-005',
  title: 'RDS database does not enable IAM authentication',
  severity: 'low',
  severityRationale:
    'Password-only logins keep working either way; IAM authentication removes long-lived database passwords.',
  category: 'iac',
  description:
    'A MySQL, MariaDB, PostgreSQL or Aurora database does not enable IAM database authentication, so every login relies on static passwords.',
  cwe: ['CWE-287'],
  benchmarks: [
    { framework: 'AWS Foundational Security Best Practices', control: 'RDS.10' },
    { framework: 'AWS Foundational Security Best Practices', control: 'RDS.12' },
  ],
  remediation:
    'Set iam_database_authentication_enabled = true (EnableIAMDatabaseAuthentication: true) and use short-lived tokens.',
  tags: ['aws', 'rds', 'authentication'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    const databases = [
      ...resources(model, 'aws.rds.instances').filter(standalone),
      ...resources(model, 'aws.rds.clusters'),
    ];
    for (const db of databases) {
      const engine = field<string>(db, 'engine');
      const iamAuth = field<boolean>(db, 'iamAuth');
      if (engine.origin === 'explicit' && IAM_ENGINES.has(engine.value ?? '') && isKnownValue(iamAuth, false))
        report({
          resource: db,
          attr: iamAuth,
          message: `${db.address} (${engine.value}) does not enable IAM authentication.`,
        });
    }
  },
});

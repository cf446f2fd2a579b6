import { defineRule, type Entity, field, isKnownValue, resources } from '../../../../scanners/rules/api.js';

// Aurora members take storage, backups and deletion protection from their cluster; replicas from their source.
function standalone(db: Entity): boolean {
  return (
    field<boolean>(db, 'clusterMember').value === false && field<boolean>(db, 'replicaOf').value === false
  );
}

export default defineRule({
  id: 'PAL-AWS-RDS-006',
  title: 'RDS instance runs in a single availability zone',
  severity: 'low',
  severityRationale:
    'An availability-zone outage or host failure takes the database down until recovery; no data is exposed.',
  category: 'iac',
  description: 'The DB instance is not Multi-AZ, so there is no standby to fail over to.',
  cwe: ['CWE-693'],
  benchmarks: [{ framework: 'AWS Foundational Security Best Practices', control: 'RDS.5' }],
  remediation: 'Set multi_az = true (MultiAZ: true) for production instances.',
  tags: ['aws', 'rds', 'availability'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    for (const db of resources(model, 'aws.rds.instances')) {
      const multiAz = field<boolean>(db, 'multiAz');
      if (standalone(db) && isKnownValue(multiAz, false))
        report({ resource: db, attr: multiAz, message: `DB instance ${db.address} is not Multi-AZ.` });
    }
  },
});

import { defineRule, type Entity, field, isKnownValue, resources } from '../../../../scanners/rules/api.js';

// Aurora members take storage, backups and deletion protection from their cluster; replicas from their source.
function standalone(db: Entity): boolean {
  return (
    field<boolean>(db, 'clusterMember').value === false && field<boolean>(db, 'replicaOf').value === false
  );
}

export default defineRule({
  id: 'PAL-AWS-RDS-001',
  title: 'RDS instance storage is not encrypted',
  severity: 'high',
  severityRationale:
    'Database files, automated backups, snapshots and replicas all hold the data unencrypted.',
  category: 'iac',
  description:
    'The RDS DB instance is created without storage encryption, which cannot be turned on later without a snapshot restore.',
  cwe: ['CWE-311'],
  benchmarks: [{ framework: 'AWS Foundational Security Best Practices', control: 'RDS.3' }],
  remediation: 'Set storage_encrypted = true (StorageEncrypted: true) with a KMS key, on creation.',
  tags: ['aws', 'rds', 'encryption'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    for (const db of resources(model, 'aws.rds.instances')) {
      const encrypted = field<boolean>(db, 'storageEncrypted');
      if (standalone(db) && isKnownValue(encrypted, false))
        report({
          resource: db,
          attr: encrypted,
          message: `DB instance ${db.address} does not encrypt its storage.`,
        });
    }
  },
});

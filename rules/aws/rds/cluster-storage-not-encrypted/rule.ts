import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-RDS-010',
  title: 'RDS cluster storage is not encrypted',
  severity: 'high',
  severityRationale:
    'The cluster volume, its backups and snapshots hold the data unencrypted, and it cannot be fixed in place.',
  category: 'iac',
  description: 'An Aurora or Multi-AZ DB cluster is created without storage encryption.',
  cwe: ['CWE-311'],
  remediation:
    'Set storage_encrypted = true (StorageEncrypted: true) with a KMS key when creating the cluster.',
  tags: ['aws', 'rds', 'aurora', 'encryption'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.rds.clusters',
  when: {
    all: [
      { attribute: 'storageEncrypted', equals: false },
      { attribute: 'engineMode', 'not-equals': 'serverless' },
    ],
  },
  message: 'DB cluster {address} does not encrypt its storage.',
});

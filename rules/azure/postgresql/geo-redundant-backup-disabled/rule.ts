import { defineRule } from '../../../../scanners/rules/api.js';
import { geoRedundantBackupCheck } from '../../database-backup.js';

export default defineRule({
  id: 'PAL-AZURE-POSTGRESQL-004',
  title: 'PostgreSQL server does not use geo-redundant backups',
  severity: 'low',
  severityRationale:
    'A regional outage could lose the backups along with the server; it does not expose data.',
  category: 'iac',
  description:
    "Backups of the PostgreSQL server (single or flexible) are stored only in the server's region.",
  cwe: ['CWE-693'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'BR-1',
    },
  ],
  remediation:
    'Set geo_redundant_backup_enabled = true (Terraform), or geoRedundantBackup: "Enabled" (ARM), when the server is created.',
  tags: ['azure', 'postgresql', 'backup'],
  formats: ['terraform', 'arm'],
  check: geoRedundantBackupCheck(
    ['azure.postgresql.servers', 'azure.postgresql.flexibleServers'],
    'PostgreSQL',
  ),
});

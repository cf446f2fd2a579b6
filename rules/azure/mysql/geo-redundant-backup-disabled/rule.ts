import { defineRule } from '../../../../scanners/rules/api.js';
import { geoRedundantBackupCheck } from '../../database-backup.js';

export default defineRule({
  id: 'PAL-AZURE-MYSQL-004',
  title: 'MySQL server does not use geo-redundant backups',
  severity: 'low',
  severityRationale:
    'A regional outage could lose the backups along with the server; it does not expose data.',
  category: 'iac',
  description: "Backups of the MySQL server (single or flexible) are stored only in the server's region.",
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
  tags: ['azure', 'mysql', 'backup'],
  formats: ['terraform', 'arm'],
  check: geoRedundantBackupCheck(['azure.mysql.servers', 'azure.mysql.flexibleServers'], 'MySQL'),
});

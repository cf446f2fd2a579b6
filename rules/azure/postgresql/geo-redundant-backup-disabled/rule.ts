import { defineRule, field, isKnownValue, resources } from '../../../../scanners/rules/api.js';

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
  check({ model, report }) {
    for (const server of [
      ...resources(model, 'azure.postgresql.servers'),
      ...resources(model, 'azure.postgresql.flexibleServers'),
    ]) {
      const geo = field<boolean>(server, 'geoRedundantBackup');
      if (isKnownValue(geo, false))
        report({
          resource: server,
          attr: geo,
          message: `PostgreSQL server ${server.address} keeps its backups in one region only.`,
        });
    }
  },
});

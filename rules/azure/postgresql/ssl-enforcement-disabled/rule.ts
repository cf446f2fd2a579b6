import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-POSTGRESQL-001',
  title: 'PostgreSQL single server does not enforce SSL connections',
  severity: 'high',
  severityRationale: 'Clients may connect without encryption, exposing credentials and data on the network.',
  category: 'iac',
  description: 'The Azure Database for PostgreSQL single server accepts unencrypted connections.',
  cwe: ['CWE-319'],
  benchmarks: [
    {
      framework: 'CIS Microsoft Azure Foundations Benchmark',
      version: '1.3.0',
      control: '4.3.1',
    },
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'DP-3',
    },
  ],
  remediation: 'Set ssl_enforcement_enabled = true (Terraform) or sslEnforcement: "Enabled" (ARM).',
  tags: ['azure', 'postgresql', 'encryption-in-transit'],
  formats: ['terraform', 'arm'],
  resources: 'azure.postgresql.servers',
  when: {
    attribute: 'sslEnforcement',
    equals: false,
  },
  message: 'PostgreSQL server {address} accepts connections without SSL.',
});

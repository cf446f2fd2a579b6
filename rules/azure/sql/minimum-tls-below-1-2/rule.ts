import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-SQL-001',
  title: 'SQL server accepts TLS versions older than 1.2',
  severity: 'medium',
  severityRationale: 'Old TLS versions have known weaknesses; exploiting them needs a network position.',
  category: 'iac',
  description:
    'The Azure SQL logical server allows clients to connect with TLS 1.0 or 1.1, or with no minimum TLS version.',
  cwe: ['CWE-326'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'DP-3',
    },
  ],
  remediation: 'Set minimum_tls_version = "1.2" (Terraform) or minimalTlsVersion: "1.2" (ARM).',
  tags: ['azure', 'sql', 'tls', 'encryption-in-transit'],
  formats: ['terraform', 'arm'],
  resources: 'azure.sql.servers',
  when: {
    attribute: 'minTlsVersion',
    in: ['1.0', '1.1', 'Disabled', 'None'],
  },
  message: 'SQL server {address} accepts TLS versions older than 1.2.',
});

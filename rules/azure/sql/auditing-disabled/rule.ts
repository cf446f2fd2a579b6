import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-SQL-005',
  title: 'SQL server auditing is not enabled',
  severity: 'medium',
  severityRationale:
    'Without an audit trail database access and changes cannot be investigated; nothing is exposed by itself.',
  category: 'iac',
  description: 'No server-level (extended) auditing policy is enabled for the SQL logical server.',
  cwe: ['CWE-778'],
  benchmarks: [
    {
      framework: 'CIS Microsoft Azure Foundations Benchmark',
      version: '1.3.0',
      control: '4.1.1',
    },
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'LT-3',
    },
  ],
  remediation:
    'Add an azurerm_mssql_server_extended_auditing_policy (or an ARM auditingSettings child with state Enabled) sending audit logs to Log Analytics or storage.',
  tags: ['azure', 'sql', 'logging'],
  formats: ['terraform', 'arm'],
  resources: 'azure.sql.servers',
  when: {
    attribute: 'auditing.enabled',
    equals: false,
  },
  message: 'SQL server {address} has no enabled auditing policy.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-SQL-006',
  title: 'SQL server has no enabled security alert policy (threat detection)',
  severity: 'medium',
  severityRationale:
    'SQL injection and brute-force attempts go unnoticed, but this does not itself open access.',
  category: 'iac',
  description: 'Advanced Threat Protection alerts are not enabled on the SQL logical server.',
  cwe: ['CWE-778'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'LT-1',
    },
  ],
  remediation:
    'Add an azurerm_mssql_server_security_alert_policy (or an ARM securityAlertPolicies child) with state Enabled.',
  tags: ['azure', 'sql', 'monitoring'],
  formats: ['terraform', 'arm'],
  resources: 'azure.sql.servers',
  when: {
    attribute: 'threatDetection.enabled',
    equals: false,
  },
  message: 'SQL server {address} has no enabled security alert policy.',
});

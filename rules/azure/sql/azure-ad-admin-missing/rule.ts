import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-SQL-007',
  title: 'SQL server has no Microsoft Entra ID administrator',
  severity: 'medium',
  severityRationale: 'Only SQL logins can administer the server, which cannot use MFA or central revocation.',
  category: 'iac',
  description: 'No Microsoft Entra ID (Azure AD) administrator is configured for the SQL logical server.',
  cwe: ['CWE-287'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'IM-1',
    },
  ],
  remediation:
    'Add an azuread_administrator block (Terraform) or properties.administrators / an administrators child (ARM).',
  tags: ['azure', 'sql', 'identity'],
  formats: ['terraform', 'arm'],
  resources: 'azure.sql.servers',
  when: {
    attribute: 'aadAdmin.configured',
    equals: false,
  },
  message: 'SQL server {address} has no Microsoft Entra ID administrator.',
});

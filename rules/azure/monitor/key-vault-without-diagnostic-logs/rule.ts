import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-MONITOR-002',
  title: 'Key vault has no diagnostic setting that exports its audit logs',
  severity: 'medium',
  severityRationale:
    'Without audit logs, access to keys and secrets cannot be traced; nothing is exposed by itself.',
  category: 'iac',
  description:
    "No diagnostic setting in the same configuration sends the key vault's log categories (AuditEvent) anywhere.",
  cwe: ['CWE-778'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'LT-3',
    },
  ],
  remediation:
    'Add a diagnostic setting targeting the vault that enables the audit log category group (or AuditEvent) to a Log Analytics workspace, storage account or event hub.',
  tags: ['azure', 'monitor', 'logging', 'keys'],
  formats: ['terraform', 'arm'],
  resources: 'azure.keyvault.vaults',
  when: {
    attribute: 'diagnostics.logs',
    equals: false,
  },
  message: 'Key vault {address} has no diagnostic setting exporting its audit logs.',
});

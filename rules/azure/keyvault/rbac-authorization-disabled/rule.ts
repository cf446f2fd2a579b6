import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-KEYVAULT-004',
  title: 'Key vault uses access policies instead of Azure RBAC',
  severity: 'low',
  severityRationale:
    'Access policies work, but are coarse and managed outside Azure RBAC governance; no direct exposure.',
  category: 'iac',
  description:
    'The key vault authorizes data-plane access with vault access policies rather than Azure role-based access control.',
  cwe: ['CWE-732'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'PA-7',
    },
  ],
  remediation:
    'Set rbac_authorization_enabled = true (azurerm 4.x; enable_rbac_authorization in 3.x) or enableRbacAuthorization: true, and grant Key Vault roles.',
  tags: ['azure', 'keyvault', 'identity', 'keys'],
  formats: ['terraform', 'arm'],
  resources: 'azure.keyvault.vaults',
  when: {
    attribute: 'rbacAuthorization',
    equals: false,
  },
  message: 'Key vault {address} uses access policies rather than Azure RBAC.',
});

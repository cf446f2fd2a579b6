import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-KEYVAULT-006',
  title: 'Key vault secret has no expiration date',
  severity: 'medium',
  severityRationale:
    'A secret without expiry is never forced to rotate, so a leaked copy stays valid indefinitely.',
  category: 'iac',
  description: 'The key vault secret is created without an expiration date.',
  cwe: ['CWE-324'],
  benchmarks: [
    {
      framework: 'CIS Microsoft Azure Foundations Benchmark',
      version: '1.3.0',
      control: '8.2',
    },
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'DP-6',
    },
  ],
  remediation:
    'Set expiration_date on the azurerm_key_vault_secret resource, or properties.attributes.exp (seconds since the epoch) on the ARM secret.',
  tags: ['azure', 'keyvault', 'keys', 'rotation'],
  formats: ['terraform', 'arm'],
  resources: 'azure.keyvault.secrets',
  when: {
    attribute: 'expires',
    exists: false,
  },
  message: 'Key vault secret {address} never expires.',
});

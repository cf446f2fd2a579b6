import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-KEYVAULT-001',
  title: 'Key vault does not enable purge protection',
  severity: 'medium',
  severityRationale:
    'A privileged insider or attacker can permanently destroy keys and secrets, but needs purge rights to do so.',
  category: 'iac',
  description: 'Deleted vaults, keys and secrets can be purged before their retention period ends.',
  cwe: ['CWE-693'],
  benchmarks: [
    {
      framework: 'CIS Microsoft Azure Foundations Benchmark',
      version: '1.3.0',
      control: '8.4',
    },
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'DP-8',
    },
  ],
  remediation: 'Set purge_protection_enabled = true (Terraform) or enablePurgeProtection: true (ARM).',
  tags: ['azure', 'keyvault', 'data-protection', 'keys'],
  formats: ['terraform', 'arm'],
  resources: 'azure.keyvault.vaults',
  when: {
    attribute: 'purgeProtection',
    equals: false,
  },
  message: 'Key vault {address} does not enable purge protection.',
});

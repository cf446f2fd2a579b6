import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-KEYVAULT-002',
  title: 'Key vault soft delete is off or keeps deleted objects less than 90 days',
  severity: 'low',
  severityRationale:
    'A shorter window gives less time to notice and undo a deletion; it does not expose anything.',
  category: 'iac',
  description: 'Soft delete is disabled, or its retention period is shorter than the 90-day maximum.',
  cwe: ['CWE-693'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'DP-8',
    },
  ],
  remediation:
    'Keep soft delete on and set soft_delete_retention_days / softDeleteRetentionInDays to 90 (the default).',
  tags: ['azure', 'keyvault', 'data-protection', 'keys'],
  formats: ['terraform', 'arm'],
  resources: 'azure.keyvault.vaults',
  when: {
    any: [
      {
        attribute: 'softDeleteEnabled',
        equals: false,
      },
      {
        attribute: 'softDeleteRetentionDays',
        'less-than': 90,
      },
    ],
  },
  message: 'Key vault {address} keeps deleted keys and secrets for less than 90 days.',
});

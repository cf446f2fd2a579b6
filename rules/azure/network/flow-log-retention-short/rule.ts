import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-NETWORK-004',
  title: 'NSG flow logs are kept less than 90 days',
  severity: 'low',
  severityRationale: 'Older network evidence is lost; this does not expose anything.',
  category: 'iac',
  description: 'The network watcher flow log deletes its records after fewer than 90 days.',
  cwe: ['CWE-779'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'LT-6',
    },
  ],
  remediation: 'Set the flow log retention policy to 90 days or more (or 0 for unlimited).',
  tags: ['azure', 'network', 'logging'],
  formats: ['terraform', 'arm'],
  resources: 'azure.network.flowLogs',
  when: {
    all: [
      {
        attribute: 'retentionDays',
        'greater-than': 0,
      },
      {
        attribute: 'retentionDays',
        'less-than': 90,
      },
      {
        attribute: 'retentionEnabled',
        equals: true,
      },
    ],
  },
  message: 'Flow log {address} keeps network flow records less than 90 days.',
});

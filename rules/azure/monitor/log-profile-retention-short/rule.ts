import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-MONITOR-001',
  title: 'Activity log profile keeps logs less than a year',
  severity: 'medium',
  severityRationale:
    'Investigations often reach back months; short retention loses the evidence but exposes nothing.',
  category: 'iac',
  description: 'The activity log profile deletes exported activity logs after fewer than 365 days.',
  cwe: ['CWE-779'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'LT-6',
    },
  ],
  remediation:
    'Set the retention policy to 365 days or more, or to 0 days (keep forever); better, export the activity log with a diagnostic setting to a workspace with long retention.',
  tags: ['azure', 'monitor', 'logging'],
  formats: ['terraform', 'arm'],
  resources: 'azure.monitor.logProfiles',
  when: {
    all: [
      {
        attribute: 'retentionDays',
        'greater-than': 0,
      },
      {
        attribute: 'retentionDays',
        'less-than': 365,
      },
      {
        attribute: 'retentionEnabled',
        equals: true,
      },
    ],
  },
  message: 'Activity log profile {address} deletes activity logs after less than a year.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-SQL-009',
  title: 'SQL server audit logs are kept less than 90 days',
  severity: 'low',
  severityRationale: 'Older audit evidence is lost; it does not expose the database.',
  category: 'iac',
  description: 'The server auditing policy deletes audit records after fewer than 90 days.',
  cwe: ['CWE-779'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'LT-6',
    },
  ],
  remediation: 'Set retention_in_days / retentionDays to 90 or more, or 0 for unlimited retention.',
  tags: ['azure', 'sql', 'logging'],
  formats: ['terraform', 'arm'],
  resources: 'azure.sql.servers',
  when: {
    all: [
      {
        attribute: 'auditing.retentionDays',
        'greater-than': 0,
      },
      {
        attribute: 'auditing.retentionDays',
        'less-than': 90,
      },
      {
        attribute: 'auditing.enabled',
        equals: true,
      },
    ],
  },
  message: 'SQL server {address} keeps audit logs for less than 90 days.',
});

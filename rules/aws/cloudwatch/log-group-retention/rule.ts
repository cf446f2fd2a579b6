import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-CLOUDWATCH-002',
  title: 'CloudWatch log group keeps events for less than a year',
  severity: 'low',
  severityRationale:
    'Short retention does not expose data; it removes the evidence an investigation of a slow, late-discovered incident needs.',
  category: 'iac',
  description:
    'A CloudWatch Logs group expires its events in under 365 days, so logs are gone before many incidents are even discovered.',
  cwe: ['CWE-779'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'CloudWatch.16',
    },
  ],
  remediation:
    'Set retention_in_days (RetentionInDays) to 365 or more, or export the logs to long-term storage.',
  tags: ['aws', 'cloudwatch', 'logging', 'retention'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.cloudwatch.logGroups',
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
    ],
  },
  message: 'Log group {address} keeps its events for less than 365 days.',
});

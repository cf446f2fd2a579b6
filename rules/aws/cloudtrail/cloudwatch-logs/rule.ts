import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-CLOUDTRAIL-004',
  title: 'CloudTrail trail does not send events to CloudWatch Logs',
  severity: 'low',
  severityRationale:
    'Events are still stored in S3; without CloudWatch Logs there are no metric filters or alarms on them, which slows detection.',
  category: 'iac',
  description:
    'A CloudTrail trail is not integrated with CloudWatch Logs, so no metric filter or alarm can react to API activity as it happens.',
  cwe: ['CWE-778'],
  benchmarks: [
    {
      framework: 'CIS AWS Foundations',
      version: '1.4.0',
      control: '3.4',
    },
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'CloudTrail.5',
    },
  ],
  remediation:
    'Set cloud_watch_logs_group_arn and cloud_watch_logs_role_arn (CloudWatchLogsLogGroupArn, CloudWatchLogsRoleArn).',
  tags: ['aws', 'cloudtrail', 'cloudwatch', 'monitoring'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.cloudtrail.trails',
  when: {
    attribute: 'cloudWatchLogsGroupArn',
    exists: false,
  },
  message: 'Trail {address} does not deliver events to CloudWatch Logs.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-REDSHIFT-003',
  title: 'Redshift cluster audit logging is disabled',
  severity: 'medium',
  severityRationale:
    'Without audit logs, logins and queries against the warehouse cannot be reviewed; it weakens detection rather than exposing data.',
  category: 'iac',
  description:
    'An Amazon Redshift cluster does not export connection, user and user activity logs, so who accessed which data is not recorded.',
  cwe: ['CWE-778'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'Redshift.4',
    },
  ],
  remediation:
    'Enable audit logging with an aws_redshift_logging resource (or the cluster’s logging block), or LoggingProperties in CloudFormation.',
  tags: ['aws', 'redshift', 'logging'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.redshift.clusters',
  when: {
    attribute: 'loggingEnabled',
    equals: false,
  },
  message: 'Redshift cluster {address} does not write audit logs.',
});

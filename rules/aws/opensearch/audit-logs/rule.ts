import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-OPENSEARCH-006',
  title: 'OpenSearch domain does not publish audit logs',
  severity: 'low',
  severityRationale:
    'Without audit logs, who read or changed which index cannot be reviewed; it weakens detection rather than exposing data.',
  category: 'iac',
  description: 'An OpenSearch (or Elasticsearch) domain does not publish audit logs to CloudWatch Logs.',
  cwe: ['CWE-778'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'OpenSearch.5',
    },
  ],
  remediation:
    'Add a log_publishing_options block with log_type AUDIT_LOGS (LogPublishingOptions.AUDIT_LOGS) and enable audit logging in the security plugin.',
  tags: ['aws', 'opensearch', 'elasticsearch', 'logging'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.opensearch.domains',
  when: {
    attribute: 'auditLogs',
    equals: false,
  },
  message: 'OpenSearch domain {address} does not publish audit logs.',
});

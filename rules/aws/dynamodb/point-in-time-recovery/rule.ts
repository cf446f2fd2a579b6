import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-DYNAMODB-001',
  title: 'DynamoDB table has point-in-time recovery disabled',
  severity: 'medium',
  severityRationale:
    'Without continuous backups, a bad write or a malicious delete cannot be rolled back; it needs another fault to be exploited.',
  category: 'iac',
  description:
    'A DynamoDB table has no continuous backups, so it cannot be restored to a moment before an accidental or malicious change.',
  cwe: ['CWE-693'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'DynamoDB.2',
    },
  ],
  remediation:
    'Add point_in_time_recovery { enabled = true } (PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled: true).',
  tags: ['aws', 'dynamodb', 'backup', 'data-protection'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.dynamodb.tables',
  when: {
    attribute: 'pointInTimeRecovery',
    equals: false,
  },
  message: 'DynamoDB table {address} has point-in-time recovery disabled.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-DYNAMODB-003',
  title: 'DynamoDB table deletion protection is disabled',
  severity: 'low',
  severityRationale:
    'Deletion loses data and availability, but it takes a mistaken change or stolen credentials to happen.',
  category: 'iac',
  description:
    'A DynamoDB table can be deleted by a single API call or a destroy in a plan, losing its data.',
  cwe: ['CWE-693'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'DynamoDB.6',
    },
  ],
  remediation: 'Set deletion_protection_enabled (DeletionProtectionEnabled) to true.',
  tags: ['aws', 'dynamodb', 'data-protection'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.dynamodb.tables',
  when: {
    attribute: 'deletionProtection',
    equals: false,
  },
  message: 'DynamoDB table {address} has deletion protection disabled.',
});

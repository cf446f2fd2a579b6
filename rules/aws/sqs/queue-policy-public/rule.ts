import { defineRule } from '../../../../scanners/rules/api.js';
import { publicPolicyCheck } from '../../public-resource-policy.js';

export default defineRule({
  id: 'PAL-AWS-SQS-002',
  title: 'SQS queue policy allows anyone without a condition',
  severity: 'high',
  severityRationale:
    'Any AWS account, or anonymous callers, can send messages the consumers will trust, or read and delete the queue’s messages.',
  category: 'iac',
  description:
    'An SQS queue has a policy statement that allows Principal "*" and carries no Condition to narrow it.',
  cwe: ['CWE-284'],
  remediation:
    'Name the accounts or services allowed, or add a Condition such as aws:SourceArn, aws:SourceAccount or aws:PrincipalOrgID.',
  tags: ['aws', 'sqs', 'iam', 'public-access'],
  formats: ['terraform', 'cloudformation'],
  check: publicPolicyCheck('aws.sqs.queues', 'SQS queue'),
});

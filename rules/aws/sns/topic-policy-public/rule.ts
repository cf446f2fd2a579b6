import { defineRule } from '../../../../scanners/rules/api.js';
import { publicPolicyCheck } from '../../public-resource-policy.js';

export default defineRule({
  id: 'PAL-AWS-SNS-002',
  title: 'SNS topic policy allows anyone without a condition',
  severity: 'high',
  severityRationale:
    'Any AWS account, or anonymous callers, can use the topic: publish spoofed messages to every subscriber or subscribe to read them.',
  category: 'iac',
  description:
    'An SNS topic has a policy statement that allows Principal "*" and carries no Condition to narrow it.',
  cwe: ['CWE-284'],
  remediation:
    'Name the accounts or services allowed, or add a Condition such as aws:SourceArn, aws:SourceAccount or aws:PrincipalOrgID.',
  tags: ['aws', 'sns', 'iam', 'public-access'],
  formats: ['terraform', 'cloudformation'],
  check: publicPolicyCheck('aws.sns.topics', 'SNS topic'),
});

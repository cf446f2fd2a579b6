import { allowsAnyoneUnconditionally, policyStatements } from '../../../../scanners/kinds/aws/policy.js';
import { defineRule, field, isKnown, resources } from '../../../../scanners/rules/api.js';

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
  check({ model, report }) {
    for (const entity of resources(model, 'aws.sns.topics')) {
      const policy = field<unknown>(entity, 'policy');
      if (!isKnown(policy)) continue;
      const statements = policyStatements(policy.value);
      if (!statements?.some((statement) => allowsAnyoneUnconditionally(statement) === true)) continue;
      report({
        resource: entity,
        attr: policy,
        message: `SNS topic ${entity.address} has a policy that allows anyone without a condition.`,
      });
    }
  },
});

import { type Attr, defineRule, type Entity, field, resources } from '../../../../scanners/rules/api.js';

function nonEmpty(attr: Attr<unknown[]>): boolean {
  return attr.origin === 'explicit' && Array.isArray(attr.value) && attr.value.length > 0;
}

export default defineRule({
  id: 'PAL-AWS-IAM-009',
  title: 'IAM user has policies attached directly',
  severity: 'low',
  severityRationale:
    'Direct grants do not widen access by themselves, but they scatter permissions and outlive role changes.',
  category: 'iac',
  description:
    'An IAM user receives permissions from an inline policy or a directly attached managed policy instead of through group membership.',
  cwe: ['CWE-269'],
  benchmarks: [
    { framework: 'CIS AWS Foundations', version: '3.0.0', control: '1.15' },
    { framework: 'AWS Foundational Security Best Practices', control: 'IAM.2' },
  ],
  remediation: 'Attach the policies to a group and add the user to it (or move the workload to a role).',
  tags: ['aws', 'iam', 'least-privilege'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    for (const collection of ['aws.iam.policies', 'aws.iam.policyAttachments']) {
      for (const grant of resources(model, collection)) {
        const principal = field<string>(grant, 'principalType');
        const users = field<unknown[]>(grant, 'users');
        if (principal.value === 'user')
          report({ resource: grant, message: `${grant.address} grants permissions directly to a user.` });
        else if (nonEmpty(users))
          report({
            resource: grant,
            attr: users,
            message: `${grant.address} grants permissions directly to users.`,
          });
      }
    }
    for (const user of resources(model, 'aws.iam.users')) {
      const arns = field<unknown[]>(user, 'managedPolicyArns');
      if (nonEmpty(arns))
        report({
          resource: user,
          attr: arns,
          message: `User ${user.address} has managed policies attached.`,
        });
      for (const inline of (user.inlinePolicies as Entity[] | undefined) ?? [])
        report({ resource: inline, message: `User ${user.address} has an inline policy.` });
    }
  },
});

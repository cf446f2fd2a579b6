import { allowsAnyoneUnconditionally, policyStatements } from '../../../../scanners/kinds/aws/policy.js';
import { defineRule, field, resources } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AWS-IAM-010',
  title: 'IAM role trust policy lets any AWS principal assume the role',
  severity: 'critical',
  severityRationale: 'Anyone with an AWS account can assume the role and act with its permissions.',
  category: 'iac',
  description:
    'The role trust policy has an Allow statement for Principal "*" (or {"AWS": "*"}) with no condition, so any principal of any AWS account can assume it.',
  cwe: ['CWE-284'],
  remediation:
    'Name the trusted accounts, roles or services in the trust policy, or require a condition such as aws:PrincipalOrgID or sts:ExternalId.',
  tags: ['aws', 'iam', 'cross-account'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    for (const role of resources(model, 'aws.iam.roles')) {
      const trust = field<unknown>(role, 'assumeRolePolicy');
      if (trust.origin !== 'explicit') continue;
      if (!policyStatements(trust.value)?.some((s) => allowsAnyoneUnconditionally(s) === true)) continue;
      report({
        resource: role,
        attr: trust,
        message: `Role ${role.address} can be assumed by any AWS principal.`,
      });
    }
  },
});

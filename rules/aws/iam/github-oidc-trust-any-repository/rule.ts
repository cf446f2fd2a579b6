import {
  conditionValues,
  grantsAction,
  type PolicyStatement,
  policyStatements,
} from '../../../../scanners/kinds/aws/policy.js';
import { defineRule, field, resources } from '../../../../scanners/rules/api.js';

const GITHUB = 'token.actions.githubusercontent.com';
// Subject patterns that every repository matches.
const ANY_REPOSITORY = /^(\*|repo:\*.*)$/;

/** True for a GitHub OIDC trust that any repository can use; undefined when that cannot be known. */
function trustsAnyRepository(statement: PolicyStatement): boolean | undefined {
  if (statement.effect !== 'Allow' || grantsAction(statement, 'sts:AssumeRoleWithWebIdentity') !== true)
    return false;
  const conditions = conditionValues(statement);
  if (!conditions) return undefined;
  const federated = statement.principal?.get('Federated')?.values ?? [];
  const github =
    federated.some((arn) => arn.endsWith(`oidc-provider/${GITHUB}`)) ||
    [...conditions.keys()].some((key) => key.startsWith(`${GITHUB}:`));
  if (!github) return false;
  const subject = conditions.get(`${GITHUB}:sub`);
  if (!subject) return true;
  if (!subject.complete) return undefined;
  return subject.values.length > 0 && subject.values.every((pattern) => ANY_REPOSITORY.test(pattern));
}

export default defineRule({
  id: 'PAL-AWS-IAM-011',
  title: 'IAM role trusts GitHub Actions without restricting the repository',
  severity: 'critical',
  severityRationale: 'Any workflow in any GitHub repository can obtain the role credentials.',
  category: 'iac',
  description:
    'The role trust policy lets the GitHub Actions OIDC provider assume the role without a condition on token.actions.githubusercontent.com:sub, or with a sub pattern that matches every repository.',
  cwe: ['CWE-284'],
  remediation:
    'Add a StringEquals or StringLike condition on token.actions.githubusercontent.com:sub naming your repository (and branch or environment).',
  tags: ['aws', 'iam', 'github-actions', 'oidc', 'ci'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    for (const role of resources(model, 'aws.iam.roles')) {
      const trust = field<unknown>(role, 'assumeRolePolicy');
      if (trust.origin !== 'explicit') continue;
      if (!policyStatements(trust.value)?.some((s) => trustsAnyRepository(s) === true)) continue;
      report({
        resource: role,
        attr: trust,
        message: `Role ${role.address} can be assumed from any GitHub repository.`,
      });
    }
  },
});

import { allowsAnyoneUnconditionally, policyStatements } from '../../../../scanners/kinds/aws/policy.js';
import { defineRule, field, resources } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AWS-ECR-003',
  title: 'ECR repository policy allows any principal',
  severity: 'high',
  severityRationale:
    'Anyone with an AWS account can use the allowed actions: pull private images, or push over them.',
  category: 'iac',
  description: 'The repository policy has an Allow statement for Principal "*" without a condition.',
  cwe: ['CWE-284'],
  remediation: 'Name the accounts or roles that may pull, or restrict the statement with aws:PrincipalOrgID.',
  tags: ['aws', 'ecr', 'containers', 'public-access'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    for (const repository of resources(model, 'aws.ecr.repositories')) {
      const policy = field<unknown>(repository, 'policy');
      if (policy.origin !== 'explicit') continue;
      if (!policyStatements(policy.value)?.some((s) => allowsAnyoneUnconditionally(s) === true)) continue;
      report({
        resource: repository,
        attr: policy,
        message: `Repository ${repository.address} allows any principal.`,
      });
    }
  },
});

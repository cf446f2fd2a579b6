import { protectedRepositories } from '../../../../scanners/posture/checks.js';
import { defineRule, isKnownValue } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GHP-005',
  title: 'The default branch can be deleted',
  severity: 'medium',
  severityRationale:
    'Deleting the default branch stops builds and releases and can lose unreleased work; medium because it takes an account with push access and is visible.',
  category: 'posture',
  description: 'The default branch is protected, but no protection blocks deleting it.',
  cwe: ['CWE-284'],
  benchmarks: [{ framework: 'CIS Software Supply Chain Security Guide', version: '1.0', control: '1.1.17' }],
  remediation:
    'Turn off "Allow deletions" in the branch protection rule, or add the "Restrict deletions" rule to a ruleset that targets the default branch.',
  tags: ['github', 'branch-protection', 'posture'],
  formats: ['github-repository-settings'],
  check({ model, report }) {
    for (const repository of protectedRepositories(model)) {
      if (isKnownValue(repository.deletionsAllowed, true))
        report({
          resource: repository,
          attr: repository.deletionsAllowed,
          message: `The default branch of ${repository.address} can be deleted by users with push access.`,
        });
    }
  },
});

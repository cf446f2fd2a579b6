import { protectedRepositories } from '../../../../scanners/posture/checks.js';
import { defineRule, isKnownValue } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GHP-002',
  title: 'Default branch does not require pull request approvals',
  severity: 'medium',
  severityRationale:
    'The branch is protected, so direct pushes may still be limited, but a change can be merged without anyone else looking at it; medium because status checks and other rules may still apply.',
  category: 'posture',
  description:
    'The default branch is protected, but no branch protection rule or ruleset requires at least one approving review before a pull request is merged.',
  cwe: ['CWE-284'],
  benchmarks: [
    { framework: 'CIS Software Supply Chain Security Guide', version: '1.0', control: '1.1.3' },
    { framework: 'OpenSSF Scorecard', control: 'Code-Review' },
  ],
  remediation:
    'Require at least one approving review (two for sensitive repositories) in the branch protection rule or ruleset of the default branch.',
  tags: ['github', 'branch-protection', 'code-review', 'posture'],
  formats: ['github-repository-settings'],
  check({ model, report }) {
    for (const repository of protectedRepositories(model)) {
      if (isKnownValue(repository.requiredApprovingReviews, 0))
        report({
          resource: repository,
          attr: repository.requiredApprovingReviews,
          message: `Pull requests into the default branch of ${repository.address} can be merged without an approving review.`,
        });
    }
  },
});

import { protectedRepositories } from '../../../../scanners/posture/checks.js';
import { defineRule, isKnown, isKnownValue } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GHP-003',
  title: 'Approvals stay valid after new commits are pushed',
  severity: 'low',
  severityRationale:
    'A reviewer approved a different change than the one merged, which needs a reviewer or an author to act in bad faith after approval; low because reviews are still required.',
  category: 'posture',
  description:
    'The default branch requires approving reviews, but no protection dismisses an approval when new commits are pushed to the pull request.',
  cwe: ['CWE-284'],
  benchmarks: [{ framework: 'CIS Software Supply Chain Security Guide', version: '1.0', control: '1.1.4' }],
  remediation:
    'Enable "Dismiss stale pull request approvals when new commits are pushed" (classic protection) or "Dismiss stale pull request approvals on push" in the ruleset\'s pull request rule.',
  tags: ['github', 'branch-protection', 'code-review', 'posture'],
  formats: ['github-repository-settings'],
  check({ model, report }) {
    for (const repository of protectedRepositories(model)) {
      if (
        isKnown(repository.requiredApprovingReviews) &&
        repository.requiredApprovingReviews.value >= 1 &&
        isKnownValue(repository.dismissStaleReviews, false)
      )
        report({
          resource: repository,
          attr: repository.dismissStaleReviews,
          message: `An approval of a pull request into the default branch of ${repository.address} stays valid after new commits are pushed: the merged code need not be the code that was reviewed.`,
        });
    }
  },
});

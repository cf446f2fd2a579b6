import { checkedRepositories } from '../../../../scanners/posture/checks.js';
import { defineRule, isKnownValue } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GHP-010',
  title: 'GitHub Actions may approve pull requests',
  severity: 'medium',
  severityRationale:
    'A workflow can approve a pull request, so a required review can be satisfied by automation instead of a person; medium because it takes a workflow that does so.',
  category: 'posture',
  description:
    '"Allow GitHub Actions to create and approve pull requests" is enabled: a workflow\'s GITHUB_TOKEN can submit an approving review.',
  cwe: ['CWE-284'],
  remediation:
    'Turn off "Allow GitHub Actions to create and approve pull requests" in Settings > Actions > General.',
  tags: ['github', 'github-actions', 'code-review', 'posture'],
  formats: ['github-repository-settings'],
  check({ model, report }) {
    for (const repository of checkedRepositories(model)) {
      if (isKnownValue(repository.actionsCanApprovePullRequests, true))
        report({
          resource: repository,
          attr: repository.actionsCanApprovePullRequests,
          message: `GitHub Actions may approve pull requests in ${repository.address}: a workflow can satisfy a required review.`,
        });
    }
  },
});

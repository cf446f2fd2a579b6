import { checkedRepositories } from '../../../../scanners/posture/checks.js';
import { defineRule, isKnownValue } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GHP-001',
  title: 'Default branch is not protected',
  severity: 'high',
  severityRationale:
    'Anyone with write access can push straight to the branch that is built and released, rewrite its history or delete it, with no review and no required checks.',
  category: 'posture',
  description:
    'Neither classic branch protection nor an active repository or organisation ruleset covers the default branch.',
  cwe: ['CWE-284'],
  benchmarks: [{ framework: 'OpenSSF Scorecard', control: 'Branch-Protection' }],
  remediation:
    'Protect the default branch: add a ruleset (Settings > Rules > Rulesets) or a branch protection rule that requires pull request reviews and status checks and blocks force pushes and deletion.',
  tags: ['github', 'branch-protection', 'posture'],
  formats: ['github-repository-settings'],
  check({ model, report }) {
    for (const repository of checkedRepositories(model)) {
      if (isKnownValue(repository.branchProtected, false))
        report({
          resource: repository,
          attr: repository.branchProtected,
          message: `The default branch${repository.defaultBranch.value ? ` ${repository.defaultBranch.value}` : ''} of ${repository.address} has no branch protection and no ruleset: anyone with write access can push to it directly, force-push or delete it.`,
        });
    }
  },
});

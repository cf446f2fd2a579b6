import { protectedRepositories } from '../../../../scanners/posture/checks.js';
import { defineRule, isKnownValue } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GHP-004',
  title: 'Force pushes to the default branch are allowed',
  severity: 'medium',
  severityRationale:
    'A force push rewrites published history: a malicious change can be slipped in under reviewed commits, or reviewed work erased; medium because only users allowed to push can do it.',
  category: 'posture',
  description: 'The default branch is protected, but no protection blocks force pushes to it.',
  cwe: ['CWE-284'],
  benchmarks: [{ framework: 'CIS Software Supply Chain Security Guide', version: '1.0', control: '1.1.16' }],
  remediation:
    'Turn off "Allow force pushes" in the branch protection rule, or add the "Block force pushes" rule to a ruleset that targets the default branch.',
  tags: ['github', 'branch-protection', 'posture'],
  formats: ['github-repository-settings'],
  check({ model, report }) {
    for (const repository of protectedRepositories(model)) {
      if (isKnownValue(repository.forcePushesAllowed, true))
        report({
          resource: repository,
          attr: repository.forcePushesAllowed,
          message: `Force pushes to the default branch of ${repository.address} are allowed: its history can be rewritten.`,
        });
    }
  },
});

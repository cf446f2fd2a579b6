import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { gitlabInjections } from '../../../../scanners/pipeline/checks/gitlab.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GITLAB-002',
  title: 'Merge request or commit text expanded unquoted in a script',
  severity: 'medium',
  severityRationale:
    'Unquoted expansion lets the author of a branch name or commit message add arguments, options and glob patterns.',
  category: 'pipeline',
  description:
    'A script uses an outsider-controlled predefined variable (or a `variables:` entry set from one) unquoted, so the shell splits and globs it.',
  cwe: ['CWE-88'],
  remediation:
    'Quote the variable ("$CI_COMMIT_BRANCH") and put `--` before it in commands that take options.',
  tags: ['pipeline', 'gitlab-ci', 'injection', 'confidence-medium'],
  formats: ['gitlab-ci'],
  check({ model, report }) {
    reportIssues(report, gitlabInjections(model).unquoted);
  },
});

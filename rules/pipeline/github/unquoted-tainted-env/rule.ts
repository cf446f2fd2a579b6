import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { githubInjections } from '../../../../scanners/pipeline/checks/github-injection.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GHA-004',
  title: 'Environment variable holding outsider text is expanded unquoted or re-parsed',
  severity: 'medium',
  severityRationale:
    'Unquoted expansion allows option and glob injection; eval or sh -c turns it into command injection. Less direct than splicing, so medium.',
  category: 'pipeline',
  description:
    'An `env:` variable set from an issue, pull request, comment, branch or commit text is used in a shell script unquoted ($TITLE) or inside `eval` / `sh -c`, so the shell splits, globs or re-parses it.',
  cwe: ['CWE-78', 'CWE-88'],
  remediation:
    'Always quote the variable ("$TITLE"), put `--` before it in commands that take options, and never pass it to eval or sh -c.',
  tags: ['pipeline', 'github-actions', 'injection', 'confidence-medium'],
  formats: ['github-workflow', 'github-action'],
  check({ model, report }) {
    reportIssues(report, githubInjections(model).unquoted);
  },
});

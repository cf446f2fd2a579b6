// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${{ }} here is GitHub and Azure expression syntax, not a template.

import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { githubInjections } from '../../../../scanners/pipeline/checks/github-injection.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GHA-001',
  title: 'Outsider-controlled expression spliced into a run script',
  severity: 'critical',
  severityRationale:
    'Anyone who can open an issue or a pull request runs commands with the workflow token and secrets.',
  category: 'pipeline',
  description:
    'A `${{ }}` expression whose value comes from an issue, pull request, comment, review, branch name or commit message is pasted into a `run:` script before the shell starts, so its text becomes shell code.',
  cwe: ['CWE-78', 'CWE-94'],
  remediation:
    'Pass the value through `env:` and use it as a quoted shell variable ("$TITLE"); never write `${{ github.event... }}` inside `run:`.',
  tags: ['pipeline', 'github-actions', 'injection', 'confidence-high'],
  formats: ['github-workflow', 'github-action'],
  check({ model, report }) {
    reportIssues(report, githubInjections(model).run);
  },
});

// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${{ }} here is GitHub and Azure expression syntax, not a template.

import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { githubInjections } from '../../../../scanners/pipeline/checks/github-injection.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GHA-002',
  title: 'Outsider-controlled expression spliced into actions/github-script',
  severity: 'critical',
  severityRationale: 'The injected text runs as JavaScript with an authenticated Octokit client.',
  category: 'pipeline',
  description:
    'A `${{ }}` expression carrying issue, pull request, comment or branch text is pasted into the `script:` of actions/github-script, where it becomes JavaScript code.',
  cwe: ['CWE-94'],
  remediation:
    'Pass the value through `env:` and read `process.env.NAME` in the script, or read it from `context.payload`.',
  tags: ['pipeline', 'github-actions', 'injection', 'confidence-high'],
  formats: ['github-workflow', 'github-action'],
  check({ model, report }) {
    reportIssues(report, githubInjections(model).githubScript);
  },
});

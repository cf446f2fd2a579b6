import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { inheritedSecrets } from '../../../../scanners/pipeline/checks/github.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GHA-015',
  title: 'Every secret passed to a reusable workflow with secrets: inherit',
  severity: 'medium',
  severityRationale:
    'The called workflow, and anything it runs, gets every repository, environment and organisation secret.',
  category: 'pipeline',
  description:
    'A job calls a reusable workflow with `secrets: inherit` instead of naming the secrets it needs.',
  cwe: ['CWE-200', 'CWE-250'],
  remediation: 'List the secrets the called workflow declares under `secrets:`, by name.',
  tags: ['pipeline', 'github-actions', 'excessive-permissions', 'confidence-high'],
  formats: ['github-workflow'],
  check({ model, report }) {
    reportIssues(report, inheritedSecrets(model));
  },
});

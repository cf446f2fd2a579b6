import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { unusedWriteScopes } from '../../../../scanners/pipeline/checks/github.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GHA-024',
  title: 'Write permission granted to a job that never uses the token',
  severity: 'medium',
  severityRationale:
    'An unneeded write scope turns any compromised step of the job into a repository write; medium because the use may be hidden in a script the scanner cannot see.',
  category: 'pipeline',
  description:
    "A job gets a `write` scope (`contents`, `packages`, `pull-requests`, `issues`...) from its own or the workflow's `permissions:`, but its steps only check out, set up tools, cache and run local commands: nothing uses the GITHUB_TOKEN to write.",
  cwe: ['CWE-250', 'CWE-732'],
  remediation:
    'Lower the scope to `read` (or remove it) for jobs that do not write; grant write only to the job that pushes, comments or publishes.',
  tags: ['pipeline', 'github-actions', 'excessive-permissions', 'confidence-medium'],
  formats: ['github-workflow'],
  check({ model, report }) {
    reportIssues(report, unusedWriteScopes(model));
  },
});

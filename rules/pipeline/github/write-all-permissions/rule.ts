import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { writeAllPermissions } from '../../../../scanners/pipeline/checks/github.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GHA-013',
  title: 'GITHUB_TOKEN granted write-all',
  severity: 'high',
  severityRationale:
    'Every scope, including workflows and packages, becomes writable by any step of the job.',
  category: 'pipeline',
  description: 'The workflow or a job sets `permissions: write-all`.',
  cwe: ['CWE-250', 'CWE-732'],
  remediation: 'Replace `write-all` with the scopes the job uses, e.g. `contents: write` for a release job.',
  tags: ['pipeline', 'github-actions', 'excessive-permissions', 'confidence-high'],
  formats: ['github-workflow'],
  check({ model, report }) {
    reportIssues(report, writeAllPermissions(model));
  },
});

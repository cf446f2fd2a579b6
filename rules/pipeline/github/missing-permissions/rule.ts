import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { missingPermissions } from '../../../../scanners/pipeline/checks/github.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GHA-012',
  title: 'Workflow sets no permissions for the GITHUB_TOKEN',
  severity: 'medium',
  severityRationale:
    'The token gets the repository default, read-write in many older repositories and organisations; medium because the default may already be read-only.',
  category: 'pipeline',
  description:
    "The workflow has no top-level `permissions:` and at least one job sets none either, so those jobs get the repository's default token scopes.",
  cwe: ['CWE-250', 'CWE-732'],
  remediation:
    'Add `permissions: contents: read` (or `{}`) at the top of the workflow and grant write scopes per job.',
  tags: ['pipeline', 'github-actions', 'excessive-permissions', 'confidence-medium'],
  formats: ['github-workflow'],
  check({ model, report }) {
    reportIssues(report, missingPermissions(model));
  },
});

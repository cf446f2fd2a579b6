import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { unpinnedReusableWorkflows } from '../../../../scanners/pipeline/checks/github.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GHA-009',
  title: 'Reusable workflow called by a mutable ref',
  severity: 'medium',
  severityRationale:
    'The called workflow runs with the secrets and token this workflow passes it; a changed ref changes that code.',
  category: 'pipeline',
  description:
    'A job `uses:` a reusable workflow of another repository by tag or branch (`org/repo/.github/workflows/x.yml@main`).',
  cwe: ['CWE-829'],
  remediation: 'Call the reusable workflow by a full commit SHA.',
  tags: ['pipeline', 'github-actions', 'unpinned-dependency', 'confidence-high'],
  formats: ['github-workflow'],
  check({ model, report }) {
    reportIssues(report, unpinnedReusableWorkflows(model));
  },
});

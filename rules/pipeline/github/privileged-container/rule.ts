import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { privilegedOptions } from '../../../../scanners/pipeline/checks/shared.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GHA-020',
  title: 'Job container or service runs privileged',
  severity: 'high',
  severityRationale: 'A privileged container controls the runner host and every job that later uses it.',
  category: 'pipeline',
  description: 'A job `container:` or service sets `options: --privileged`.',
  cwe: ['CWE-250'],
  remediation:
    'Remove `--privileged`; add only the capabilities the tool needs (`--cap-add`) or use a rootless builder.',
  tags: ['pipeline', 'github-actions', 'runner', 'confidence-high'],
  formats: ['github-workflow'],
  check({ model, report }) {
    reportIssues(report, privilegedOptions(model, 'github'));
  },
});

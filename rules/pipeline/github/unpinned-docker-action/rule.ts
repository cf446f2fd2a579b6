import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { unpinnedDockerActions } from '../../../../scanners/pipeline/checks/github.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GHA-010',
  title: 'Docker action image referenced by tag',
  severity: 'medium',
  severityRationale:
    'The step runs whatever image the tag points at today, with the job token in its environment.',
  category: 'pipeline',
  description: 'A step `uses: docker://image:tag` (or no tag) instead of an image digest.',
  cwe: ['CWE-829', 'CWE-494'],
  remediation: 'Reference the image by digest: `uses: docker://alpine:3.20@sha256:<digest>`.',
  tags: ['pipeline', 'github-actions', 'unpinned-dependency', 'confidence-high'],
  formats: ['github-workflow'],
  check({ model, report }) {
    reportIssues(report, unpinnedDockerActions(model));
  },
});

import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { unpinnedImages } from '../../../../scanners/pipeline/checks/shared.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GHA-011',
  title: 'Job container or service image referenced by tag',
  severity: 'low',
  severityRationale:
    "The image can change under the same tag, but it runs inside the job's own isolation; low severity.",
  category: 'pipeline',
  description:
    'A job `container:` or `services:` image is referenced by a tag (or `latest`, or no tag) instead of a digest.',
  cwe: ['CWE-829'],
  remediation: 'Reference images by digest (`postgres:16@sha256:...`) and let Dependabot update them.',
  tags: ['pipeline', 'github-actions', 'unpinned-dependency', 'confidence-high'],
  formats: ['github-workflow'],
  check({ model, report }) {
    reportIssues(report, unpinnedImages(model, 'github'));
  },
});

import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { unpinnedImages } from '../../../../scanners/pipeline/checks/shared.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AZP-004',
  title: 'Container resource or job container referenced by tag',
  severity: 'low',
  severityRationale: "The image can change under the same tag; it runs the job steps with the job's secrets.",
  category: 'pipeline',
  description:
    'A `resources.containers` image or a job `container:` image is referenced by tag, `latest` or no tag, instead of a digest.',
  cwe: ['CWE-829'],
  remediation: 'Reference images by digest: `image: ubuntu:24.04@sha256:<digest>`.',
  tags: ['pipeline', 'azure-pipelines', 'unpinned-dependency', 'confidence-high'],
  formats: ['azure-pipelines'],
  check({ model, report }) {
    reportIssues(report, unpinnedImages(model, 'azure'));
  },
});

import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { unpinnedImages } from '../../../../scanners/pipeline/checks/shared.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GITLAB-005',
  title: 'Job image or service referenced by tag',
  severity: 'low',
  severityRationale: 'The image can change under the same tag; it runs with the job token and variables.',
  category: 'pipeline',
  description:
    'A job, `default:` or top-level `image:` or `services:` entry references an image by tag, `latest` or no tag, instead of a digest.',
  cwe: ['CWE-829'],
  remediation: 'Reference images by digest: `image: node:20@sha256:<digest>`.',
  tags: ['pipeline', 'gitlab-ci', 'unpinned-dependency', 'confidence-high'],
  formats: ['gitlab-ci'],
  check({ model, report }) {
    reportIssues(report, unpinnedImages(model, 'gitlab'));
  },
});

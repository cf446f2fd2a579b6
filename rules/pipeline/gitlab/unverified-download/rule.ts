import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { unverifiedDownloads } from '../../../../scanners/pipeline/checks/shared.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GITLAB-010',
  title: 'Downloaded file executed without checksum verification',
  severity: 'medium',
  severityRationale:
    'A tampered download runs in the job; the check may exist in a form the scanner cannot see, so medium.',
  category: 'pipeline',
  description:
    'A script downloads a file and executes or installs it with no checksum or signature verification in the same script section.',
  cwe: ['CWE-494'],
  remediation:
    'Check the file against a pinned checksum (`sha256sum -c`) or a signature before executing it.',
  tags: ['pipeline', 'gitlab-ci', 'unsafe-download', 'confidence-medium'],
  formats: ['gitlab-ci'],
  check({ model, report }) {
    reportIssues(report, unverifiedDownloads(model, 'gitlab'));
  },
});

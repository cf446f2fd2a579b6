import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { unverifiedDownloads } from '../../../../scanners/pipeline/checks/shared.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AZP-008',
  title: 'Downloaded file executed without checksum verification',
  severity: 'medium',
  severityRationale:
    'A tampered download runs on the agent; the check may exist in a form the scanner cannot see, so medium.',
  category: 'pipeline',
  description:
    'A script downloads a file and executes or installs it with no checksum or signature verification in the same script.',
  cwe: ['CWE-494'],
  remediation:
    'Check the file against a pinned checksum (`sha256sum -c`, `Get-FileHash`) or a signature before executing it.',
  tags: ['pipeline', 'azure-pipelines', 'unsafe-download', 'confidence-medium'],
  formats: ['azure-pipelines'],
  check({ model, report }) {
    reportIssues(report, unverifiedDownloads(model, 'azure'));
  },
});

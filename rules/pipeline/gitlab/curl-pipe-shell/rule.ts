import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { pipedDownloads } from '../../../../scanners/pipeline/checks/shared.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GITLAB-009',
  title: 'Downloaded script piped straight into a shell',
  severity: 'medium',
  severityRationale:
    'Whoever controls the server or the network path runs code in the job with its variables and token.',
  category: 'pipeline',
  description:
    'A script pipes `curl` / `wget` output into `sh`, `bash` or another interpreter without keeping or verifying the file.',
  cwe: ['CWE-494', 'CWE-829'],
  remediation: 'Download to a file, verify a pinned checksum or signature, then run it.',
  tags: ['pipeline', 'gitlab-ci', 'unsafe-download', 'confidence-high'],
  formats: ['gitlab-ci'],
  check({ model, report }) {
    reportIssues(report, pipedDownloads(model, 'gitlab'));
  },
});

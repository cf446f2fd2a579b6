import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { pipedDownloads } from '../../../../scanners/pipeline/checks/shared.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GHA-021',
  title: 'Downloaded script piped straight into a shell',
  severity: 'medium',
  severityRationale:
    'Whoever controls the server or the network path runs code in the job, with its token and secrets.',
  category: 'pipeline',
  description:
    'A `run:` script pipes `curl` / `wget` output into `sh`, `bash`, `python` or another interpreter (or runs `bash <(curl ...)`, `iex (iwr ...)`) without keeping or verifying the file.',
  cwe: ['CWE-494', 'CWE-829'],
  remediation:
    'Download to a file, verify a published checksum or signature, then run it; better, use a pinned package or action.',
  tags: ['pipeline', 'github-actions', 'unsafe-download', 'confidence-high'],
  formats: ['github-workflow', 'github-action'],
  check({ model, report }) {
    reportIssues(report, pipedDownloads(model, 'github'));
  },
});

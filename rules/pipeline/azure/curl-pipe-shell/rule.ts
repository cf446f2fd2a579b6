import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { pipedDownloads } from '../../../../scanners/pipeline/checks/shared.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AZP-007',
  title: 'Downloaded script piped straight into a shell',
  severity: 'medium',
  severityRationale:
    "Whoever controls the server or the network path runs code on the agent with the pipeline's secrets.",
  category: 'pipeline',
  description:
    'A script pipes `curl` / `wget` output into `sh` or `bash`, or runs `iex (iwr ...)` in PowerShell, without keeping or verifying the file.',
  cwe: ['CWE-494', 'CWE-829'],
  remediation: 'Download to a file, verify a pinned checksum or signature, then run it.',
  tags: ['pipeline', 'azure-pipelines', 'unsafe-download', 'confidence-high'],
  formats: ['azure-pipelines'],
  check({ model, report }) {
    reportIssues(report, pipedDownloads(model, 'azure'));
  },
});

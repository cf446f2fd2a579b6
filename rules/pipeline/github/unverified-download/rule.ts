import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { unverifiedDownloads } from '../../../../scanners/pipeline/checks/shared.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GHA-022',
  title: 'Downloaded file executed without checksum verification',
  severity: 'medium',
  severityRationale:
    'A tampered download runs in the job; medium because the file may be verified in a way not visible to the scanner.',
  category: 'pipeline',
  description:
    'A `run:` script downloads a file (`curl -o`, `curl -O`, `wget`, `Invoke-WebRequest -OutFile`) and then executes or installs it (`chmod +x`, `./file`, `sh file`, `dpkg -i`) with no checksum or signature check in the script.',
  cwe: ['CWE-494'],
  remediation:
    'Verify the download against a pinned checksum (`sha256sum -c`) or a signature (`gpg --verify`, `cosign verify-blob`) before executing it.',
  tags: ['pipeline', 'github-actions', 'unsafe-download', 'confidence-medium'],
  formats: ['github-workflow', 'github-action'],
  check({ model, report }) {
    reportIssues(report, unverifiedDownloads(model, 'github'));
  },
});

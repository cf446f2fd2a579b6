// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${{ }} here is GitHub and Azure expression syntax, not a template.

import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { secretsWrittenToArtifacts } from '../../../../scanners/pipeline/checks/github.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GHA-017',
  title: 'Secret written to an uploaded artifact or printed in encoded form',
  severity: 'high',
  severityRationale:
    'Artifacts and encoded log output are not masked: the secret is readable by anyone who can download the artifact or read the log.',
  category: 'pipeline',
  description:
    'A `run:` script writes a secret (`${{ secrets.X }}` or an env variable set from one) to a file with `>`, `>>` or `tee` that a later step of the job uploads with actions/upload-artifact, or prints it through an encoder (`| base64`, `| xxd`, `| rev`...) that defeats log masking.',
  cwe: ['CWE-312', 'CWE-538'],
  remediation:
    'Keep secrets out of uploaded paths: write credential files to `$RUNNER_TEMP`, delete them before uploading, or upload only the build output.',
  tags: ['pipeline', 'github-actions', 'credential-exposure', 'confidence-high'],
  formats: ['github-workflow'],
  check({ model, report }) {
    reportIssues(report, secretsWrittenToArtifacts(model));
  },
});

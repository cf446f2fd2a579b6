import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { jobTokenExposure } from '../../../../scanners/pipeline/checks/gitlab.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GITLAB-008',
  title: 'CI_JOB_TOKEN written to artifacts or printed',
  severity: 'high',
  severityRationale:
    'The job token can read and write packages, registries and repositories the project can reach, while the pipeline runs.',
  category: 'pipeline',
  description:
    'A script writes `CI_JOB_TOKEN` into a file that the job keeps as an artifact (or a dotenv report), or prints it to the log, or encodes it (base64) so masking no longer hides it.',
  cwe: ['CWE-522', 'CWE-532'],
  remediation:
    'Use the token only as an argument or header of the command that needs it; write credential files outside artifact paths and delete them after use.',
  tags: ['pipeline', 'gitlab-ci', 'credential-exposure', 'excessive-permissions', 'confidence-medium'],
  formats: ['gitlab-ci'],
  check({ model, report }) {
    reportIssues(report, jobTokenExposure(model));
  },
});

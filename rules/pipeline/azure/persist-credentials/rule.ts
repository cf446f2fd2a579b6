import { persistedCredentials } from '../../../../scanners/pipeline/checks/azure.js';
import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AZP-005',
  title: 'Checkout keeps the access token in the git config',
  severity: 'medium',
  severityRationale:
    'Every later step, script and tool in the job can read the System.AccessToken from .git/config.',
  category: 'pipeline',
  description:
    "A `checkout` step sets `persistCredentials: true`, which leaves the job access token in the repository's git configuration for the rest of the job.",
  cwe: ['CWE-522'],
  remediation:
    'Remove `persistCredentials: true`; pass `System.AccessToken` through `env:` only to the step that pushes.',
  tags: ['pipeline', 'azure-pipelines', 'excessive-permissions', 'credential-exposure', 'confidence-high'],
  formats: ['azure-pipelines'],
  check({ model, report }) {
    reportIssues(report, persistedCredentials(model));
  },
});

import { azureInjections } from '../../../../scanners/pipeline/checks/azure.js';
import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AZP-002',
  title: 'Branch name or commit message expanded unquoted in a script',
  severity: 'medium',
  severityRationale:
    'Unquoted expansion lets the branch or commit author add arguments, options and glob patterns; eval makes it code.',
  category: 'pipeline',
  description:
    'A script uses an environment variable holding an outsider-controlled value (an `env:` entry set from `$(Build.SourceVersionMessage)` and the like, or the predefined `$BUILD_SOURCEVERSIONMESSAGE`, `$SYSTEM_PULLREQUEST_SOURCEBRANCH`...) unquoted or inside `eval` / `sh -c`.',
  cwe: ['CWE-78', 'CWE-88'],
  remediation:
    'Quote the variable ("$COMMIT_MESSAGE") and never pass it to eval; in PowerShell, never pass it to Invoke-Expression.',
  tags: ['pipeline', 'azure-pipelines', 'injection', 'confidence-medium'],
  formats: ['azure-pipelines'],
  check({ model, report }) {
    reportIssues(report, azureInjections(model).unquoted);
  },
});

// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${{ }} here is GitHub and Azure expression syntax, not a template.
import { azureInjections } from '../../../../scanners/pipeline/checks/azure.js';
import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AZP-001',
  title: 'Branch name or commit message pasted into a script by macro or template expression',
  severity: 'critical',
  severityRationale:
    "Whoever names the branch or writes the commit message runs commands on the agent with the pipeline's secrets.",
  category: 'pipeline',
  description:
    'A script step (script, bash, pwsh, powershell, or the inline script of Bash@3, PowerShell@2, CmdLine@2, AzureCLI@2) contains `$(Build.SourceVersionMessage)`, `$(System.PullRequest.SourceBranch)`, `$(Build.SourceBranch)`, `$(Build.SourceBranchName)`, `$(Build.SourceVersionAuthor)` or the same variables through `${{ variables[...] }}` / `$[ variables[...] ]`. Azure replaces these in the script text before it runs.',
  cwe: ['CWE-78', 'CWE-94'],
  remediation:
    'Map the variable to an `env:` entry and use the quoted environment variable ("$COMMIT_MESSAGE") in the script.',
  tags: ['pipeline', 'azure-pipelines', 'injection', 'confidence-high'],
  formats: ['azure-pipelines'],
  check({ model, report }) {
    reportIssues(report, azureInjections(model).spliced);
  },
});

import { forkPullRequestSecrets } from '../../../../scanners/pipeline/checks/azure.js';
import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AZP-006',
  title: 'Variable group loaded by a pipeline that validates pull requests',
  severity: 'medium',
  severityRationale:
    "If the pipeline builds forks with secrets enabled, a fork's code reads the group's secrets; that setting is outside the YAML, so confidence is low.",
  category: 'pipeline',
  description:
    'The pipeline has a `pr:` trigger and loads a variable group (`- group:`) for jobs that do not exclude pull request builds. When fork pull requests are built with "make secrets available to builds of forks", the fork author\'s code reads every secret in the group.',
  cwe: ['CWE-200', 'CWE-668'],
  remediation:
    "Load variable groups only in jobs or stages with `condition: ne(variables['Build.Reason'], 'PullRequest')`, and keep fork builds without secrets.",
  tags: ['pipeline', 'azure-pipelines', 'over-broad-trigger', 'credential-exposure', 'confidence-low'],
  formats: ['azure-pipelines'],
  check({ model, report }) {
    reportIssues(report, forkPullRequestSecrets(model));
  },
});

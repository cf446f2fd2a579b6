import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { githubInjections } from '../../../../scanners/pipeline/checks/github-injection.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GHA-003',
  title: 'Outsider-controlled text written to GITHUB_ENV, GITHUB_PATH or GITHUB_OUTPUT',
  severity: 'high',
  severityRationale:
    'A newline in the value defines any environment variable (LD_PRELOAD, NODE_OPTIONS, BASH_ENV) for every later step.',
  category: 'pipeline',
  description:
    'A step writes text from an issue, pull request, comment, branch name or commit message (directly or through an env variable) to the GITHUB_ENV, GITHUB_PATH or GITHUB_OUTPUT file. Quoting does not help: the file format is line based.',
  cwe: ['CWE-74', 'CWE-94'],
  remediation:
    'Do not put outsider text into environment files; validate it first (for example against ^[A-Za-z0-9._/-]+$) or pass it to later steps through `env:` from the original expression.',
  tags: ['pipeline', 'github-actions', 'injection', 'confidence-high'],
  formats: ['github-workflow', 'github-action'],
  check({ model, report }) {
    reportIssues(report, githubInjections(model).envFile);
  },
});

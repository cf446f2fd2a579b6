import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { gitlabInjections } from '../../../../scanners/pipeline/checks/gitlab.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GITLAB-001',
  title: 'Merge request or commit text re-parsed as shell code',
  severity: 'critical',
  severityRationale:
    'Whoever opens a merge request or pushes a branch runs commands in the job, with its variables and token.',
  category: 'pipeline',
  description:
    'A script passes an outsider-controlled predefined variable (CI_MERGE_REQUEST_TITLE, CI_MERGE_REQUEST_DESCRIPTION, CI_COMMIT_MESSAGE, CI_COMMIT_TITLE, CI_COMMIT_BRANCH, CI_COMMIT_REF_NAME, CI_MERGE_REQUEST_SOURCE_BRANCH_NAME, CI_COMMIT_TAG_MESSAGE...) to `eval`, `sh -c` or `bash -c`, so its text is parsed as shell code.',
  cwe: ['CWE-78'],
  remediation:
    'Never build shell code from these variables: pass them as quoted arguments ("$CI_COMMIT_MESSAGE") to the command that needs them.',
  tags: ['pipeline', 'gitlab-ci', 'injection', 'confidence-high'],
  formats: ['gitlab-ci'],
  check({ model, report }) {
    reportIssues(report, gitlabInjections(model).reparsed);
  },
});

import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { secretsInMergeRequestJobs } from '../../../../scanners/pipeline/checks/gitlab.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GITLAB-011',
  title: 'Job with secrets runs for merge request pipelines',
  severity: 'medium',
  severityRationale:
    "Merge requests from forks that run in the parent project hand its secrets to the fork author's code; whether fork pipelines run in the parent is a project setting, so confidence is low.",
  category: 'pipeline',
  description:
    'A job that runs on `merge_request_event` (rules or `only: merge_requests`) uses the `secrets:` / `id_tokens:` keywords or secret-looking CI/CD variables (\u2026_TOKEN, \u2026_PASSWORD, \u2026_KEY not defined in the file), without restricting itself to merge requests from the project itself.',
  cwe: ['CWE-200', 'CWE-668'],
  remediation:
    'Run secret-using jobs only on protected branches, or add `if: $CI_MERGE_REQUEST_SOURCE_PROJECT_ID == $CI_PROJECT_ID` to their merge request rule.',
  tags: ['pipeline', 'gitlab-ci', 'over-broad-trigger', 'credential-exposure', 'confidence-low'],
  formats: ['gitlab-ci'],
  check({ model, report }) {
    reportIssues(report, secretsInMergeRequestJobs(model));
  },
});

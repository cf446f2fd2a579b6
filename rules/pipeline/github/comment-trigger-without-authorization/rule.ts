import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { commentTriggeredCheckoutWithoutAuthorization } from '../../../../scanners/pipeline/checks/github.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GHA-007',
  title: 'Comment-triggered workflow runs pull request code without checking the commenter',
  severity: 'high',
  severityRationale:
    'Any GitHub user can comment, so anyone can make the workflow run fork code with the base repository token.',
  category: 'pipeline',
  description:
    'An `issue_comment` workflow checks out the pull request head (refs/pull/N/head, gh pr checkout, a head ref) and no job condition or step checks the commenter: `github.event.comment.author_association`, a collaborator permission lookup, or a permission-checking action.',
  cwe: ['CWE-862', 'CWE-829'],
  remediation:
    'Gate the job on `contains(fromJSON(\'["OWNER","MEMBER","COLLABORATOR"]\'), github.event.comment.author_association)` or check the commenter\'s permission through the API before checking out.',
  tags: ['pipeline', 'github-actions', 'dangerous-trigger', 'confidence-medium'],
  formats: ['github-workflow'],
  check({ model, report }) {
    reportIssues(report, commentTriggeredCheckoutWithoutAuthorization(model));
  },
});

import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { unpinnedActions } from '../../../../scanners/pipeline/checks/github.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GHA-008',
  title: 'Action not pinned to a full commit SHA',
  severity: 'medium',
  severityRationale:
    'A moved tag or branch runs new code with the job token and secrets; tag-compromise attacks on popular actions have leaked secrets at scale.',
  category: 'pipeline',
  description:
    "A step `uses:` a third-party action by tag or branch (`@v4`, `@main`) or without a ref. Tags and branches are mutable: whoever controls the action repository, or steals its maintainer's credentials, changes the code your job runs. Actions of owners listed in `pipeline.trusted-actions` (default `actions/*`, `github/*`) may use tags, but not branches.",
  cwe: ['CWE-829', 'CWE-494'],
  remediation:
    'Pin the action to a full 40-character commit SHA and keep the tag in a comment (`uses: owner/action@<sha> # v1.2.3`); let Dependabot or Renovate update it.',
  tags: ['pipeline', 'github-actions', 'unpinned-dependency', 'confidence-high'],
  formats: ['github-workflow', 'github-action'],
  check({ model, report }) {
    reportIssues(report, unpinnedActions(model));
  },
});

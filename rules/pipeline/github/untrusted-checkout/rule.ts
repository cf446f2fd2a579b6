// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${{ }} here is GitHub and Azure expression syntax, not a template.
import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { untrustedCheckoutInPrivilegedTrigger } from '../../../../scanners/pipeline/checks/github.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GHA-005',
  title: 'Privileged trigger checks out untrusted pull request code',
  severity: 'critical',
  severityRationale:
    'Fork code runs with the base repository write token and secrets: the classic "pwn request".',
  category: 'pipeline',
  description:
    'A `pull_request_target` or `workflow_run` workflow checks out the pull request head (`ref: ${{ github.event.pull_request.head.sha }}`, `github.head_ref`, `refs/pull/...`, `workflow_run.head_sha`, `gh pr checkout`). These triggers run with the base repository token and secrets, so building or testing the checked-out code hands them to the fork author.',
  cwe: ['CWE-829', 'CWE-913'],
  remediation:
    'Use the `pull_request` trigger to build fork code; keep `pull_request_target` for labelling and commenting without checking out the head, or split the work into an unprivileged `pull_request` job and a privileged job that only consumes its results as data.',
  tags: ['pipeline', 'github-actions', 'dangerous-trigger', 'confidence-high'],
  formats: ['github-workflow'],
  check({ model, report }) {
    reportIssues(report, untrustedCheckoutInPrivilegedTrigger(model));
  },
});

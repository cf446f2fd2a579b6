import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { selfHostedOnPullRequests } from '../../../../scanners/pipeline/checks/github.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GHA-019',
  title: 'Self-hosted runner used for pull request workflows',
  severity: 'medium',
  severityRationale:
    'In a public repository any fork can run code on the runner machine; the repository visibility is not visible in the workflow, so confidence is low.',
  category: 'pipeline',
  description:
    'A job on a `self-hosted` runner runs for `pull_request` or `pull_request_target` events. In public repositories, fork pull requests then execute code on that machine, which may keep state, credentials and network access between jobs.',
  cwe: ['CWE-250', 'CWE-284'],
  remediation:
    'Use GitHub-hosted or ephemeral (just-in-time) runners for pull requests, restrict the job to same-repository pull requests, and require approval for fork workflows.',
  tags: ['pipeline', 'github-actions', 'runner', 'confidence-low'],
  formats: ['github-workflow'],
  check({ model, report }) {
    reportIssues(report, selfHostedOnPullRequests(model));
  },
});

import { checkedRepositories } from '../../../../scanners/posture/checks.js';
import { defineRule, isKnown, isKnownValue } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GHP-011',
  title: 'Self-hosted runners are registered on a public repository',
  severity: 'high',
  severityRationale:
    "Anyone can open a pull request against a public repository; a workflow that runs on a self-hosted runner then runs an outsider's code on your machine, which usually persists between jobs and sits inside your network.",
  category: 'posture',
  description: 'The repository is public and has self-hosted runners registered to it.',
  cwe: ['CWE-829'],
  remediation:
    'Use GitHub-hosted runners for public repositories, or move the runners to a group that public repositories cannot use; if they must stay, make them ephemeral and isolated and require approval for all outside collaborators.',
  tags: ['github', 'github-actions', 'self-hosted-runner', 'posture'],
  formats: ['github-repository-settings'],
  check({ model, report }) {
    for (const repository of checkedRepositories(model)) {
      if (
        isKnownValue(repository.visibility, 'public') &&
        isKnown(repository.selfHostedRunners) &&
        repository.selfHostedRunners.value > 0
      )
        report({
          resource: repository,
          attr: repository.selfHostedRunners,
          message: `${repository.address} is public and has ${repository.selfHostedRunners.value} self-hosted runner(s): code from a fork's pull request can run on them.`,
        });
    }
  },
});

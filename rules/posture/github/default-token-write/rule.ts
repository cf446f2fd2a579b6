import { checkedRepositories } from '../../../../scanners/posture/checks.js';
import { defineRule, isKnownValue } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GHP-009',
  title: 'Workflows get a read-write GITHUB_TOKEN by default',
  severity: 'medium',
  severityRationale:
    'Every workflow without its own `permissions:` block runs with write access to contents, packages, pull requests and more; medium because workflows that declare permissions are not affected.',
  category: 'posture',
  description:
    'The repository\'s default workflow permissions are "Read and write": the GITHUB_TOKEN of a workflow that sets no permissions can push code, create releases and change issues and pull requests.',
  cwe: ['CWE-250', 'CWE-732'],
  benchmarks: [{ framework: 'OpenSSF Scorecard', control: 'Token-Permissions' }],
  remediation:
    'Set Settings > Actions > General > Workflow permissions to "Read repository contents and packages permissions" and grant write scopes per job with `permissions:`.',
  tags: ['github', 'github-actions', 'excessive-permissions', 'posture'],
  formats: ['github-repository-settings'],
  check({ model, report }) {
    for (const repository of checkedRepositories(model)) {
      if (isKnownValue(repository.defaultWorkflowPermissions, 'write'))
        report({
          resource: repository,
          attr: repository.defaultWorkflowPermissions,
          message: `Workflows in ${repository.address} get a read-write GITHUB_TOKEN unless they declare permissions.`,
        });
    }
  },
});

import { unpinnedRepositories } from '../../../../scanners/pipeline/checks/azure.js';
import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AZP-003',
  title: 'Repository resource or template source not pinned to a commit',
  severity: 'medium',
  severityRationale:
    "Templates and code from the repository run with this pipeline's secrets; whoever can move its branch or tag changes them.",
  category: 'pipeline',
  description:
    'A `resources.repositories` entry has no `ref:` (default branch) or a branch or tag ref, so templates taken from it (`template: x.yml@alias`, `extends:`) and its checkouts change without a change to this pipeline.',
  cwe: ['CWE-829', 'CWE-494'],
  remediation:
    'Set `ref:` to a full 40-character commit SHA, and protect the template repository with required reviews.',
  tags: ['pipeline', 'azure-pipelines', 'unpinned-dependency', 'confidence-high'],
  formats: ['azure-pipelines'],
  check({ model, report }) {
    reportIssues(report, unpinnedRepositories(model));
  },
});

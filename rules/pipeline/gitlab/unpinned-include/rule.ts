import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { unpinnedIncludes } from '../../../../scanners/pipeline/checks/gitlab.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GITLAB-004',
  title: 'Included configuration not pinned to a commit',
  severity: 'medium',
  severityRationale:
    'Whoever can push to the included project or host changes the jobs, and the secrets they see, of this pipeline.',
  category: 'pipeline',
  description:
    'An `include:` of another project without `ref:` or with a branch or tag, a `remote:` URL without a commit in it or an `integrity:` hash, or a CI/CD `component:` by a version rather than a commit SHA.',
  cwe: ['CWE-829', 'CWE-494'],
  remediation:
    'Pin project includes and components to a full commit SHA; add `integrity: sha256-...` to remote includes.',
  tags: ['pipeline', 'gitlab-ci', 'unpinned-dependency', 'confidence-high'],
  formats: ['gitlab-ci'],
  check({ model, report }) {
    reportIssues(report, unpinnedIncludes(model));
  },
});

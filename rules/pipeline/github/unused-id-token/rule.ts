import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { unusedIdTokenWrite } from '../../../../scanners/pipeline/checks/github.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GHA-014',
  title: 'id-token: write granted to a job that uses no OIDC token',
  severity: 'medium',
  severityRationale: 'Code in the job can mint OIDC tokens that cloud trust policies may accept.',
  category: 'pipeline',
  description:
    'A workflow or job grants `id-token: write` but no step exchanges an OIDC token (cloud login actions, Sigstore signing, attestations, trusted publishing, reusable workflows).',
  cwe: ['CWE-250'],
  remediation:
    'Grant `id-token: write` only in the job that authenticates with OIDC, and remove it elsewhere.',
  tags: ['pipeline', 'github-actions', 'excessive-permissions', 'confidence-medium'],
  formats: ['github-workflow'],
  check({ model, report }) {
    reportIssues(report, unusedIdTokenWrite(model));
  },
});

import { reportIssues } from '../../../../scanners/pipeline/checks/common.js';
import { persistedCredentialsUploaded } from '../../../../scanners/pipeline/checks/github.js';
import { defineRule } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-GHA-016',
  title: 'Workspace uploaded as an artifact while checkout credentials persist',
  severity: 'high',
  severityRationale: 'The token in .git/config is published to everyone who can download artifacts.',
  category: 'pipeline',
  description:
    'actions/checkout keeps the job token in `.git/config` unless `persist-credentials: false`, and a later step uploads the whole workspace (`path: .`) as an artifact, token included.',
  cwe: ['CWE-522', 'CWE-200'],
  remediation: 'Set `persist-credentials: false` on the checkout and upload only the build output folder.',
  tags: ['pipeline', 'github-actions', 'credential-exposure', 'confidence-high'],
  formats: ['github-workflow'],
  check({ model, report }) {
    reportIssues(report, persistedCredentialsUploaded(model));
  },
});

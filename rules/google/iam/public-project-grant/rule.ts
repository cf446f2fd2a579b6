import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-IAM-003',
  title: 'Project-level IAM grant names allUsers or allAuthenticatedUsers',
  severity: 'critical',
  severityRationale: 'Anyone on the internet, or any Google account, receives the role on the whole project.',
  category: 'iac',
  description: 'A project, folder or organisation IAM grant includes allUsers or allAuthenticatedUsers.',
  cwe: ['CWE-284'],
  remediation: 'Remove allUsers and allAuthenticatedUsers from project-level grants.',
  tags: ['gcp', 'iam'],
  formats: ['terraform'],
  resources: 'google.iam.grants',
  when: {
    all: [
      {
        any: [
          { attribute: 'members', contains: 'allUsers' },
          { attribute: 'members', contains: 'allAuthenticatedUsers' },
        ],
      },
      {
        attribute: 'sourceType',
        in: [
          'google_project_iam_member',
          'google_project_iam_binding',
          'google_folder_iam_member',
          'google_folder_iam_binding',
          'google_organization_iam_member',
          'google_organization_iam_binding',
        ],
      },
    ],
  },
  message: '{address} grants a project role to the public.',
});

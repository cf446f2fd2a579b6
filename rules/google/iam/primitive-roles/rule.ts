import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-IAM-001',
  title: 'Project grants a primitive Owner or Editor role',
  severity: 'high',
  severityRationale:
    'Owner and Editor cover nearly every service of the project: a compromise of the principal is a compromise of the project.',
  category: 'iac',
  description: 'An IAM grant at project, folder or organisation level gives roles/owner or roles/editor.',
  cwe: ['CWE-250'],
  remediation: 'Grant predefined or custom roles that cover only what the principal needs.',
  tags: ['gcp', 'iam', 'admin-privilege'],
  formats: ['terraform'],
  resources: 'google.iam.grants',
  when: {
    all: [
      { attribute: 'role', in: ['roles/owner', 'roles/editor'] },
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
  message: '{address} grants a primitive role.',
});

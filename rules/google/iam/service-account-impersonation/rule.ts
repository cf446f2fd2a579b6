import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-IAM-002',
  title: 'Service Account User or Token Creator is granted on the whole project',
  severity: 'high',
  severityRationale:
    'The grantee can act as every service account of the project, including the most privileged ones.',
  category: 'iac',
  description:
    'roles/iam.serviceAccountUser or roles/iam.serviceAccountTokenCreator is granted at project, folder or organisation level instead of on one service account.',
  cwe: ['CWE-269'],
  benchmarks: [{ framework: 'CIS Google Cloud Platform Foundation', version: '2.0.0', control: '1.6' }],
  remediation:
    'Grant these roles on the specific service account (google_service_account_iam_member) that the principal needs to use.',
  tags: ['gcp', 'iam'],
  formats: ['terraform'],
  resources: 'google.iam.grants',
  when: {
    all: [
      { attribute: 'role', in: ['roles/iam.serviceAccountUser', 'roles/iam.serviceAccountTokenCreator'] },
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
  message: '{address} lets the grantee impersonate every service account.',
});

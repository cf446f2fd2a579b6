import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-RUN-001',
  title: 'Cloud Run service can be invoked by allUsers or allAuthenticatedUsers',
  severity: 'high',
  severityRationale: 'Anyone on the internet, or any Google account, gets the role on the service.',
  category: 'iac',
  description: 'An IAM grant on a service includes allUsers or allAuthenticatedUsers.',
  cwe: ['CWE-284'],
  remediation: 'Grant roles on the service to named users, groups or service accounts only.',
  tags: ['gcp', 'run', 'internet-exposed'],
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
        in: ['google_cloud_run_v2_service_iam_member', 'google_cloud_run_v2_service_iam_binding'],
      },
    ],
  },
  message: '{address} makes the service public.',
});

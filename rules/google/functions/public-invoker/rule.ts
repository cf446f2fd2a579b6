import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-FUNCTIONS-001',
  title: 'Cloud Function can be invoked by allUsers or allAuthenticatedUsers',
  severity: 'high',
  severityRationale: 'Anyone on the internet, or any Google account, gets the role on the function.',
  category: 'iac',
  description: 'An IAM grant on a function includes allUsers or allAuthenticatedUsers.',
  cwe: ['CWE-284'],
  remediation: 'Grant roles on the function to named users, groups or service accounts only.',
  tags: ['gcp', 'functions', 'internet-exposed'],
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
        in: ['google_cloudfunctions_function_iam_member', 'google_cloudfunctions_function_iam_binding'],
      },
    ],
  },
  message: '{address} makes the function public.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-BIGQUERY-001',
  title: 'BigQuery dataset is granted to allUsers or allAuthenticatedUsers',
  severity: 'high',
  severityRationale: 'Anyone on the internet, or any Google account, gets the role on the dataset.',
  category: 'iac',
  description: 'An IAM grant on a dataset includes allUsers or allAuthenticatedUsers.',
  cwe: ['CWE-284'],
  benchmarks: [{ framework: 'CIS Google Cloud Platform Foundation', version: '2.0.0', control: '7.1' }],
  remediation: 'Grant roles on the dataset to named users, groups or service accounts only.',
  tags: ['gcp', 'bigquery', 'internet-exposed'],
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
        in: ['google_bigquery_dataset_iam_member', 'google_bigquery_dataset_iam_binding'],
      },
    ],
  },
  message: '{address} makes the dataset public.',
});

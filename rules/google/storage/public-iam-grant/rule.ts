import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-STORAGE-002',
  title: 'Cloud Storage bucket is granted to allUsers or allAuthenticatedUsers',
  severity: 'high',
  severityRationale: 'Anyone on the internet (or any Google account) can read or change the bucket contents.',
  category: 'iac',
  description: 'An IAM grant on a bucket names allUsers or allAuthenticatedUsers, so the data is public.',
  cwe: ['CWE-284'],
  benchmarks: [{ framework: 'CIS Google Cloud Platform Foundation', version: '2.0.0', control: '5.1' }],
  remediation:
    'Grant roles on buckets to specific users, groups or service accounts, never to allUsers or allAuthenticatedUsers.',
  tags: ['gcp', 'storage', 'internet-exposed'],
  formats: ['terraform'],
  resources: 'google.iam.grants',
  when: {
    all: [
      {
        attribute: 'sourceType',
        in: ['google_storage_bucket_iam_member', 'google_storage_bucket_iam_binding'],
      },
      {
        any: [
          { attribute: 'members', contains: 'allUsers' },
          { attribute: 'members', contains: 'allAuthenticatedUsers' },
        ],
      },
    ],
  },
  message: '{address} grants a bucket role to the public.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-KMS-002',
  title: 'Cloud KMS key is accessible by allUsers or allAuthenticatedUsers',
  severity: 'high',
  severityRationale: 'Anyone on the internet, or any Google account, gets the role on the crypto key.',
  category: 'iac',
  description: 'An IAM grant on a crypto key includes allUsers or allAuthenticatedUsers.',
  cwe: ['CWE-284'],
  benchmarks: [{ framework: 'CIS Google Cloud Platform Foundation', version: '2.0.0', control: '1.9' }],
  remediation: 'Grant roles on the crypto key to named users, groups or service accounts only.',
  tags: ['gcp', 'kms', 'internet-exposed'],
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
        in: ['google_kms_crypto_key_iam_member', 'google_kms_crypto_key_iam_binding'],
      },
    ],
  },
  message: '{address} makes the crypto key public.',
});

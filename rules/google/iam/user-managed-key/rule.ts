import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-IAM-005',
  title: 'Service account has a user-managed key',
  severity: 'medium',
  severityRationale:
    'A downloadable key is a long-lived credential that leaks through laptops, CI variables and Terraform state.',
  category: 'iac',
  description:
    'google_service_account_key creates a key for a service account. The private key ends up in Terraform state and wherever it is copied.',
  cwe: ['CWE-798'],
  benchmarks: [{ framework: 'CIS Google Cloud Platform Foundation', version: '2.0.0', control: '1.4' }],
  remediation:
    'Use Workload Identity Federation, attached service accounts or short-lived tokens instead of keys. If an external system needs a key, upload its public key (public_key_data) rather than generating one.',
  tags: ['gcp', 'iam'],
  formats: ['terraform'],
  resources: 'google.iam.serviceAccountKeys',
  when: { attribute: 'publicKeyData', equals: false },
  message: '{address} creates a downloadable service account key.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-BIGQUERY-003',
  title: 'BigQuery dataset does not use a customer-managed encryption key',
  severity: 'low',
  severityRationale:
    'Google encrypts the data either way; a customer-managed key adds control over access and revocation.',
  category: 'iac',
  description:
    'The dataset is encrypted with a Google-managed key rather than a customer-managed Cloud KMS key.',
  cwe: ['CWE-311'],
  benchmarks: [{ framework: 'CIS Google Cloud Platform Foundation', version: '2.0.0', control: '7.3' }],
  remediation: 'Set default_encryption_configuration.kms_key_name to a Cloud KMS key you manage.',
  tags: ['gcp', 'bigquery'],
  formats: ['terraform'],
  resources: 'google.bigquery.datasets',
  when: { attribute: 'kmsKey', exists: false },
  message: 'Dataset {address} does not use a customer-managed key.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-PUBSUB-002',
  title: 'Pub/Sub topic does not use a customer-managed encryption key',
  severity: 'low',
  severityRationale:
    'Google encrypts the data either way; a customer-managed key adds control over access and revocation.',
  category: 'iac',
  description:
    'The topic is encrypted with a Google-managed key rather than a customer-managed Cloud KMS key.',
  cwe: ['CWE-311'],
  remediation: 'Set kms_key_name to a Cloud KMS key you manage.',
  tags: ['gcp', 'pubsub'],
  formats: ['terraform'],
  resources: 'google.pubsub.topics',
  when: { attribute: 'kmsKey', exists: false },
  message: 'Topic {address} does not use a customer-managed key.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-REDSHIFT-001',
  title: 'Redshift cluster is not encrypted at rest',
  severity: 'high',
  severityRationale:
    'A data warehouse concentrates the organisation’s data; unencrypted blocks and snapshots expose all of it to anyone who reaches the storage or a copied snapshot.',
  category: 'iac',
  description:
    'An Amazon Redshift cluster is declared with encryption turned off, so its data blocks, system metadata and snapshots are stored unencrypted.',
  cwe: ['CWE-311'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'Redshift.10',
    },
  ],
  remediation: 'Set encrypted (Encrypted) to true, with kms_key_id (KmsKeyId) for a customer managed key.',
  tags: ['aws', 'redshift', 'encryption'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.redshift.clusters',
  when: {
    attribute: 'encrypted',
    equals: false,
  },
  message: 'Redshift cluster {address} is not encrypted at rest.',
});

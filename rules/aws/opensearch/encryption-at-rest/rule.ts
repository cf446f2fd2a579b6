import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-OPENSEARCH-001',
  title: 'OpenSearch domain is not encrypted at rest',
  severity: 'high',
  severityRationale:
    'Indexes often hold logs and documents with personal data; unencrypted, they are readable from the nodes’ storage and snapshots.',
  category: 'iac',
  description:
    'An OpenSearch (or Elasticsearch) domain does not encrypt its indexes, logs, swap files and automated snapshots at rest.',
  cwe: ['CWE-311'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'OpenSearch.1',
    },
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'ES.1',
    },
  ],
  remediation:
    'Add encrypt_at_rest { enabled = true } (EncryptionAtRestOptions.Enabled: true), optionally with a customer managed key.',
  tags: ['aws', 'opensearch', 'elasticsearch', 'encryption'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.opensearch.domains',
  when: {
    attribute: 'encryptAtRest',
    equals: false,
  },
  message: 'OpenSearch domain {address} is not encrypted at rest.',
});

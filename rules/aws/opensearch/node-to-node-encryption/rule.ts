import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-OPENSEARCH-002',
  title: 'OpenSearch domain nodes communicate without encryption',
  severity: 'medium',
  severityRationale:
    'Traffic between data nodes is in clear text; reading it needs a foothold in the VPC or the service network.',
  category: 'iac',
  description: 'An OpenSearch (or Elasticsearch) domain does not encrypt traffic between its nodes.',
  cwe: ['CWE-319'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'OpenSearch.3',
    },
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'ES.3',
    },
  ],
  remediation: 'Add node_to_node_encryption { enabled = true } (NodeToNodeEncryptionOptions.Enabled: true).',
  tags: ['aws', 'opensearch', 'elasticsearch', 'encryption-in-transit'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.opensearch.domains',
  when: {
    attribute: 'nodeToNodeEncryption',
    equals: false,
  },
  message: 'OpenSearch domain {address} does not encrypt traffic between nodes.',
});

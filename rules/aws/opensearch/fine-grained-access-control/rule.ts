import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-OPENSEARCH-005',
  title: 'OpenSearch domain has fine-grained access control disabled',
  severity: 'medium',
  severityRationale:
    'Every principal the domain policy admits gets full access to every index; there is no per-index or per-document limit.',
  category: 'iac',
  description:
    'An OpenSearch (or Elasticsearch) domain does not enable fine-grained access control, so access is all-or-nothing at the domain level.',
  cwe: ['CWE-285'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'OpenSearch.7',
    },
  ],
  remediation:
    'Add advanced_security_options { enabled = true } (AdvancedSecurityOptions.Enabled: true) with a master user or role.',
  tags: ['aws', 'opensearch', 'elasticsearch', 'access-control'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.opensearch.domains',
  when: {
    attribute: 'fineGrainedAccessControl',
    equals: false,
  },
  message: 'OpenSearch domain {address} has fine-grained access control disabled.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-OPENSEARCH-004',
  title: 'OpenSearch domain endpoint allows TLS 1.0 and 1.1',
  severity: 'medium',
  severityRationale:
    'TLS 1.0 and 1.1 have known weaknesses; exploiting them needs a network position and effort.',
  category: 'iac',
  description:
    'An OpenSearch (or Elasticsearch) domain uses the Policy-Min-TLS-1-0-2019-07 security policy, which accepts TLS 1.0 and 1.1.',
  cwe: ['CWE-327'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'OpenSearch.8',
    },
  ],
  remediation:
    'Set domain_endpoint_options.tls_security_policy (DomainEndpointOptions.TLSSecurityPolicy) to Policy-Min-TLS-1-2-2019-07 or newer.',
  tags: ['aws', 'opensearch', 'elasticsearch', 'tls'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.opensearch.domains',
  when: {
    attribute: 'tlsSecurityPolicy',
    equals: 'Policy-Min-TLS-1-0-2019-07',
  },
  message: 'OpenSearch domain {address} accepts TLS 1.0 and 1.1.',
});

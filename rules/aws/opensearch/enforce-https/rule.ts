import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-OPENSEARCH-003',
  title: 'OpenSearch domain accepts plain HTTP requests',
  severity: 'medium',
  severityRationale:
    'Requests and results, including credentials for fine-grained access control, can cross the network in clear text.',
  category: 'iac',
  description:
    'An OpenSearch (or Elasticsearch) domain explicitly turns off HTTPS enforcement on its endpoint.',
  cwe: ['CWE-319'],
  remediation: 'Set domain_endpoint_options.enforce_https (DomainEndpointOptions.EnforceHTTPS) to true.',
  tags: ['aws', 'opensearch', 'elasticsearch', 'encryption-in-transit'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.opensearch.domains',
  when: {
    attribute: 'enforceHttps',
    equals: false,
  },
  message: 'OpenSearch domain {address} accepts plain HTTP.',
});

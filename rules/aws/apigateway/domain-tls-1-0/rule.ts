import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-APIGATEWAY-007',
  title: 'API Gateway custom domain accepts TLS 1.0',
  severity: 'medium',
  severityRationale:
    'TLS 1.0 has known weaknesses; exploiting them needs a network position and considerable effort.',
  category: 'iac',
  description:
    'An API Gateway custom domain name uses the TLS_1_0 security policy, so clients can connect with TLS 1.0 and its weak cipher suites.',
  cwe: ['CWE-327'],
  remediation: 'Set security_policy (SecurityPolicy) to TLS_1_2.',
  tags: ['aws', 'apigateway', 'tls', 'encryption-in-transit'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.apigateway.domainNames',
  when: {
    attribute: 'securityPolicy',
    equals: 'TLS_1_0',
  },
  message: 'API Gateway domain {address} accepts TLS 1.0.',
});

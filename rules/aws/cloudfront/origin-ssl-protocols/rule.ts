import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-CLOUDFRONT-004',
  title: 'CloudFront may reach a custom origin with SSLv3',
  severity: 'medium',
  severityRationale:
    'SSLv3 is broken (POODLE); an attacker on the path between edge and origin could force and decrypt it.',
  category: 'iac',
  description:
    'A CloudFront custom origin lists SSLv3 among the protocols CloudFront may use to connect to it.',
  cwe: ['CWE-327'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'CloudFront.10',
    },
  ],
  remediation:
    'Set custom_origin_config.origin_ssl_protocols (CustomOriginConfig.OriginSSLProtocols) to ["TLSv1.2"].',
  tags: ['aws', 'cloudfront', 'tls', 'encryption-in-transit'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.cloudfront.distributions',
  when: {
    connection: 'origins',
    some: {
      attribute: 'originSslProtocols',
      contains: 'SSLv3',
    },
  },
  message: 'CloudFront origin {address} allows SSLv3.',
});

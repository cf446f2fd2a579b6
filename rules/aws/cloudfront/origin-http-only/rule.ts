import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-CLOUDFRONT-003',
  title: 'CloudFront reaches a custom origin over plain HTTP',
  severity: 'medium',
  severityRationale:
    'Traffic between the edge and the origin crosses the internet in clear text; reading or changing it needs a network position.',
  category: 'iac',
  description:
    'A CloudFront custom origin uses the http-only origin protocol policy, so requests and responses between CloudFront and the origin are not encrypted.',
  cwe: ['CWE-319'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'CloudFront.9',
    },
  ],
  remediation:
    'Set custom_origin_config.origin_protocol_policy (CustomOriginConfig.OriginProtocolPolicy) to https-only and serve TLS on the origin.',
  tags: ['aws', 'cloudfront', 'encryption-in-transit'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.cloudfront.distributions',
  when: {
    connection: 'origins',
    some: {
      attribute: 'originProtocolPolicy',
      equals: 'http-only',
    },
  },
  message: 'CloudFront origin {address} is reached over plain HTTP.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-CLOUDFRONT-001',
  title: 'CloudFront cache behaviour serves viewers over plain HTTP',
  severity: 'medium',
  severityRationale:
    'Content and cookies travel in clear text between viewers and the edge; reading or changing them needs a network position.',
  category: 'iac',
  description:
    'A CloudFront distribution has a cache behaviour whose viewer protocol policy is allow-all, so viewers can fetch content over unencrypted HTTP.',
  cwe: ['CWE-319'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'CloudFront.3',
    },
  ],
  remediation:
    'Set viewer_protocol_policy (ViewerProtocolPolicy) to redirect-to-https or https-only on the default and every ordered cache behaviour.',
  tags: ['aws', 'cloudfront', 'encryption-in-transit'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.cloudfront.distributions',
  when: {
    any: [
      {
        attribute: 'viewerProtocolPolicy',
        equals: 'allow-all',
      },
      {
        connection: 'cacheBehaviors',
        some: {
          attribute: 'viewerProtocolPolicy',
          equals: 'allow-all',
        },
      },
    ],
  },
  message: '{address} lets viewers fetch content over plain HTTP (viewer protocol policy allow-all).',
});

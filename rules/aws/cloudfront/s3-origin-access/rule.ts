import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-CLOUDFRONT-009',
  title: 'CloudFront S3 origin has neither origin access control nor an origin access identity',
  severity: 'medium',
  severityRationale:
    'Without OAC or OAI the bucket must be readable by everyone for CloudFront to fetch from it, so the edge controls can be bypassed.',
  category: 'iac',
  description:
    'A CloudFront S3 origin signs no requests to the bucket, which only works when the bucket is public: viewers can then skip CloudFront and read the bucket directly.',
  cwe: ['CWE-284'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'CloudFront.13',
    },
  ],
  remediation:
    'Create an aws_cloudfront_origin_access_control (AWS::CloudFront::OriginAccessControl), set origin_access_control_id (OriginAccessControlId) on the origin, and allow only CloudFront in the bucket policy.',
  tags: ['aws', 'cloudfront', 's3', 'access-control'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.cloudfront.distributions',
  when: {
    connection: 'origins',
    some: {
      all: [
        {
          attribute: 'originAccessControlId',
          exists: false,
        },
        {
          attribute: 's3Origin',
          equals: true,
        },
        {
          any: [
            {
              attribute: 'originAccessIdentity',
              exists: false,
            },
            {
              attribute: 'originAccessIdentity',
              equals: '',
            },
          ],
        },
      ],
    },
  },
  message: 'CloudFront S3 origin {address} uses neither origin access control nor an origin access identity.',
});

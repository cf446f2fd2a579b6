import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-CLOUDFRONT-008',
  title: 'CloudFront distribution with an S3 origin has no default root object',
  severity: 'low',
  severityRationale:
    'A request for the root may list or expose origin content; the exposure depends on the origin’s own permissions.',
  category: 'iac',
  description:
    'A CloudFront distribution that serves an S3 origin does not set a default root object, so a request for the root URL is passed to the origin as is.',
  cwe: ['CWE-548'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'CloudFront.1',
    },
  ],
  remediation: 'Set default_root_object (DefaultRootObject), for example to index.html.',
  tags: ['aws', 'cloudfront', 's3'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.cloudfront.distributions',
  when: {
    all: [
      {
        attribute: 'defaultRootObject',
        exists: false,
      },
      {
        connection: 'origins',
        some: {
          attribute: 's3Origin',
          equals: true,
        },
      },
    ],
  },
  message: 'Distribution {address} has an S3 origin but no default root object.',
});

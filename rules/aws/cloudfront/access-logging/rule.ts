import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-CLOUDFRONT-005',
  title: 'CloudFront distribution does not write access logs',
  severity: 'medium',
  severityRationale:
    'Without access logs, requests from an attacker cannot be traced afterwards; it weakens response rather than exposing content.',
  category: 'iac',
  description:
    'A CloudFront distribution has no standard logging configuration, so viewer requests are not recorded.',
  cwe: ['CWE-778'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'CloudFront.5',
    },
  ],
  remediation: 'Add a logging_config block (Logging) that names an S3 bucket for the access logs.',
  tags: ['aws', 'cloudfront', 'logging'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.cloudfront.distributions',
  when: {
    attribute: 'loggingConfigured',
    equals: false,
  },
  message: 'Distribution {address} does not write access logs.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-CLOUDFRONT-006',
  title: 'CloudFront distribution has no WAF web ACL',
  severity: 'medium',
  severityRationale:
    'Without a WAF, exploit payloads and floods reach the origin through the edge; the origin may still withstand them.',
  category: 'iac',
  description:
    'A CloudFront distribution is not associated with an AWS WAF web ACL, so requests are not filtered at the edge.',
  cwe: ['CWE-693'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'CloudFront.6',
    },
  ],
  remediation: 'Set web_acl_id (WebACLId) to the ARN of a WAFv2 web ACL with scope CLOUDFRONT.',
  tags: ['aws', 'cloudfront', 'waf'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.cloudfront.distributions',
  when: {
    attribute: 'webAclId',
    exists: false,
  },
  message: 'Distribution {address} has no WAF web ACL.',
});

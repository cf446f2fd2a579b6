import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-S3-005',
  title: 'S3 bucket ACL lets anyone read',
  severity: 'high',
  severityRationale:
    'Every object in the bucket can be listed and downloaded by anyone (or any AWS account holder).',
  category: 'iac',
  description:
    'The bucket uses the canned ACL public-read or authenticated-read, granting read access to all internet users or to every AWS account.',
  cwe: ['CWE-732'],
  benchmarks: [{ framework: 'AWS Foundational Security Best Practices', control: 'S3.2' }],
  remediation:
    'Use the private canned ACL; serve public content through CloudFront with origin access control.',
  tags: ['aws', 's3', 'public-access'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.s3.buckets',
  when: { attribute: 'acl', in: ['public-read', 'authenticated-read'] },
  message: 'Bucket {address} grants read access to everyone through its ACL.',
});

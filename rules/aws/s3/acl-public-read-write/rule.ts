import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-S3-004',
  title: 'S3 bucket ACL lets anyone write',
  severity: 'critical',
  severityRationale:
    'Anyone on the internet can upload, overwrite and delete objects: data loss and malware hosting.',
  category: 'iac',
  description:
    'The bucket uses the canned ACL public-read-write, which grants the AllUsers group read and write access.',
  cwe: ['CWE-732'],
  benchmarks: [{ framework: 'AWS Foundational Security Best Practices', control: 'S3.3' }],
  remediation: 'Use the private canned ACL, or disable ACLs with object ownership BucketOwnerEnforced.',
  tags: ['aws', 's3', 'public-access'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.s3.buckets',
  when: { attribute: 'acl', equals: 'public-read-write' },
  message: 'Bucket {address} grants everyone read and write access through its ACL.',
});

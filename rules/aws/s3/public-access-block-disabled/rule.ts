import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-S3-002',
  title: 'S3 bucket public access block turns a protection off',
  severity: 'high',
  severityRationale:
    'A disabled Block Public Access setting is what lets a public ACL or policy take effect on the bucket.',
  category: 'iac',
  description:
    'The bucket-level S3 Block Public Access configuration sets one of BlockPublicAcls, BlockPublicPolicy, IgnorePublicAcls or RestrictPublicBuckets to false, so public ACLs or public bucket policies can expose the data.',
  cwe: ['CWE-284'],
  benchmarks: [{ framework: 'AWS Foundational Security Best Practices', control: 'S3.8' }],
  remediation: 'Set all four Block Public Access settings of the bucket to true.',
  tags: ['aws', 's3', 'public-access', 'missing-safeguard'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.s3.buckets',
  when: {
    any: [
      { attribute: 'publicAccessBlock.blockPublicAcls', equals: false },
      { attribute: 'publicAccessBlock.blockPublicPolicy', equals: false },
      { attribute: 'publicAccessBlock.ignorePublicAcls', equals: false },
      { attribute: 'publicAccessBlock.restrictPublicBuckets', equals: false },
    ],
  },
  message: 'Bucket {address} has a Block Public Access setting turned off.',
});

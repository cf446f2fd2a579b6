import { defineRule, field, isKnownValue, resources } from '../../../../scanners/rules/api.js';

const FLAGS = ['blockPublicAcls', 'blockPublicPolicy', 'ignorePublicAcls', 'restrictPublicBuckets'];

export default defineRule({
  id: 'PAL-AWS-S3-003',
  title: 'S3 bucket declares no public access block',
  severity: 'low',
  severityRationale:
    'S3 has turned Block Public Access on for new buckets since April 2023, so the gap is drift and older buckets, not an open door.',
  category: 'iac',
  description:
    'The bucket has no bucket-level Block Public Access configuration in code, so its protection depends on the S3 default for new buckets and on account settings the template does not control.',
  cwe: ['CWE-284'],
  remediation:
    'Declare a public access block for the bucket with all four settings on (aws_s3_bucket_public_access_block, or PublicAccessBlockConfiguration).',
  tags: ['aws', 's3', 'public-access', 'missing-safeguard'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    // An account-wide block with every flag on, declared in the same module, covers every bucket.
    const accountBlocked = resources(model, 'aws.s3.accountPublicAccessBlocks').some((block) =>
      FLAGS.every((flag) => isKnownValue(field<boolean>(block, flag), true)),
    );
    if (accountBlocked) return;
    for (const bucket of resources(model, 'aws.s3.buckets')) {
      if (isKnownValue(field<boolean>(bucket, 'publicAccessBlock.declared'), false))
        report({ resource: bucket, message: `Bucket ${bucket.address} has no public access block in code.` });
    }
  },
});

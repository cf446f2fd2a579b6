import { deniesInsecureTransport, policyStatements } from '../../../../scanners/kinds/aws/policy.js';
import { defineRule, field, resources } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AWS-S3-007',
  title: 'S3 bucket policy does not deny requests without TLS',
  severity: 'medium',
  severityRationale:
    'Plain HTTP requests can be read or altered in transit, but the client must choose HTTP for that to happen.',
  category: 'iac',
  description:
    'The bucket has no policy statement denying requests where aws:SecureTransport is false, so clients may read and write objects over unencrypted HTTP.',
  cwe: ['CWE-319'],
  benchmarks: [{ framework: 'AWS Foundational Security Best Practices', control: 'S3.5' }],
  remediation:
    'Add a bucket policy statement that denies s3:* for every principal when aws:SecureTransport is false.',
  tags: ['aws', 's3', 'encryption-in-transit'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    for (const bucket of resources(model, 'aws.s3.buckets')) {
      const policy = field<unknown>(bucket, 'policy');
      if (policy.origin === 'unresolvable') continue;
      if (policy.origin === 'default') {
        report({
          resource: bucket,
          attr: policy,
          message: `Bucket ${bucket.address} has no bucket policy denying plain HTTP.`,
        });
        continue;
      }
      const statements = policyStatements(policy.value);
      if (!statements || deniesInsecureTransport(statements) !== false) continue;
      report({
        resource: bucket,
        attr: policy,
        message: `The policy of bucket ${bucket.address} does not deny requests where aws:SecureTransport is false.`,
      });
    }
  },
});

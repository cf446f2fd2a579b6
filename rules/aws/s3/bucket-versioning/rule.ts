import { defineRule, field, isKnownValue, resources } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AWS-S3-001',
  title: 'S3 bucket versioning is not enabled',
  severity: 'medium',
  severityRationale:
    'Without versioning an overwrite or delete is unrecoverable, but it needs another fault to be exploited.',
  category: 'iac',
  description:
    'An S3 bucket keeps only the latest version of each object, so an accidental or malicious overwrite or delete cannot be undone.',
  cwe: ['CWE-693'],
  benchmarks: [{ framework: 'AWS Foundational Security Best Practices', control: 'S3.14' }],
  remediation: 'Enable versioning on the bucket (VersioningConfiguration.Status: Enabled).',
  tags: ['aws', 's3', 'data-protection'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    for (const bucket of resources(model, 'aws.s3.buckets')) {
      const enabled = field<boolean>(bucket, 'versioning.enabled');
      if (!isKnownValue(enabled, false)) continue;
      report({
        resource: bucket,
        attr: enabled,
        message:
          enabled.origin === 'default'
            ? `Bucket ${bucket.address} does not configure versioning, so it is off.`
            : `Bucket ${bucket.address} has versioning suspended.`,
      });
    }
  },
});

import { allowsAnyoneUnconditionally, policyStatements } from '../../../../scanners/kinds/aws/policy.js';
import { defineRule, field, resources } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AWS-S3-006',
  title: 'S3 bucket policy allows any principal without a condition',
  severity: 'high',
  severityRationale:
    'Anyone can perform the allowed actions on the bucket, unless Block Public Access stops the policy.',
  category: 'iac',
  description:
    'A statement of the bucket policy allows Principal "*" (or {"AWS": "*"}) with no Condition, so the actions it lists are open to everyone.',
  cwe: ['CWE-284'],
  remediation:
    'Name the principals (accounts, roles, CloudFront origin access control) or add a condition such as aws:SourceVpce or aws:PrincipalOrgID.',
  tags: ['aws', 's3', 'iam', 'public-access'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    for (const bucket of resources(model, 'aws.s3.buckets')) {
      const policy = field<unknown>(bucket, 'policy');
      const statements = policy.origin === 'explicit' ? policyStatements(policy.value) : undefined;
      const open = statements?.find((statement) => allowsAnyoneUnconditionally(statement) === true);
      if (!open) continue;
      report({
        resource: bucket,
        attr: policy,
        message: `Bucket ${bucket.address} has a policy statement${open.sid ? ` (${open.sid})` : ''} that allows any principal without a condition.`,
      });
    }
  },
});

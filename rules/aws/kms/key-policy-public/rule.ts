import { allowsAnyoneUnconditionally, policyStatements } from '../../../../scanners/kinds/aws/policy.js';
import { defineRule, field, resources } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AWS-KMS-002',
  title: 'KMS key policy allows any principal',
  severity: 'critical',
  severityRationale:
    'Anyone with AWS credentials can use (or manage) the key, undoing the encryption of everything under it.',
  category: 'iac',
  description:
    'The key policy has an Allow statement for Principal "*" (or {"AWS": "*"}) without a condition.',
  cwe: ['CWE-284'],
  remediation:
    'Grant the key to the account root and named roles; if a wildcard is needed, restrict it with kms:CallerAccount or aws:PrincipalOrgID.',
  tags: ['aws', 'kms', 'encryption', 'public-access'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    for (const key of resources(model, 'aws.kms.keys')) {
      const policy = field<unknown>(key, 'policy');
      if (policy.origin !== 'explicit') continue;
      const open = policyStatements(policy.value)?.find((s) => allowsAnyoneUnconditionally(s) === true);
      if (!open) continue;
      report({
        resource: key,
        attr: policy,
        message: `The policy of KMS key ${key.address} allows any principal${open.sid ? ` (statement ${open.sid})` : ''}.`,
      });
    }
  },
});

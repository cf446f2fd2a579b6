import { defineRule, field, isKnown, resources } from '../../../../scanners/rules/api.js';

/** Ninety days, the longest rotation period the CIS benchmark accepts. */
const MAX_ROTATION_SECONDS = 90 * 24 * 3600;

export default defineRule({
  id: 'PAL-GCP-KMS-001',
  title: 'Cloud KMS key is not rotated every 90 days',
  severity: 'medium',
  severityRationale:
    'A long-lived key version protects more data for longer, widening what one key compromise exposes.',
  category: 'iac',
  description: 'The symmetric crypto key has no rotation_period, or one longer than 90 days.',
  cwe: ['CWE-324'],
  benchmarks: [{ framework: 'CIS Google Cloud Platform Foundation', version: '2.0.0', control: '1.10' }],
  remediation: 'Set rotation_period = "7776000s" (90 days) or shorter on symmetric encryption keys.',
  tags: ['gcp', 'kms'],
  formats: ['terraform'],
  check({ model, report }) {
    for (const key of resources(model, 'google.kms.cryptoKeys')) {
      const purpose = field<string>(key, 'purpose');
      if (!isKnown(purpose) || purpose.value !== 'ENCRYPT_DECRYPT') continue;
      const period = field<string>(key, 'rotationPeriod');
      if (period.origin === 'unresolvable') continue;
      if (period.value === undefined) {
        report({ resource: key, message: `Key ${key.address} is never rotated.` });
        continue;
      }
      const seconds = Number(/^(\d+(?:\.\d+)?)s$/.exec(period.value)?.[1]);
      if (Number.isFinite(seconds) && seconds > MAX_ROTATION_SECONDS) {
        report({
          resource: key,
          attr: period,
          message: `Key ${key.address} is rotated only every ${Math.round(seconds / 86400)} days.`,
        });
      }
    }
  },
});

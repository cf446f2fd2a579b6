import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-IAM-008',
  title: 'IAM password policy lets passwords live longer than 90 days',
  severity: 'low',
  severityRationale:
    'Expiry limits how long a leaked password stays useful; current NIST guidance weighs it lower than length and MFA.',
  category: 'iac',
  description: 'The account password policy has no maximum password age, or one above 90 days.',
  cwe: ['CWE-521'],
  remediation: 'Set max_password_age to 90 days or less.',
  tags: ['aws', 'iam', 'passwords'],
  formats: ['terraform'],
  resources: 'aws.iam.passwordPolicies',
  when: {
    any: [
      { attribute: 'maxAge', 'greater-than': 90 },
      { attribute: 'maxAge', exists: false },
      { attribute: 'maxAge', equals: 0 },
    ],
  },
  message: 'Password policy {address} does not expire passwords within 90 days.',
});

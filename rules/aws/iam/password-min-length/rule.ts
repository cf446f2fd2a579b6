import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-IAM-005',
  title: 'IAM password policy allows passwords shorter than 14 characters',
  severity: 'medium',
  severityRationale: 'Short console passwords fall to guessing and spraying; MFA limits the damage.',
  category: 'iac',
  description:
    'The account password policy sets a minimum password length below 14 characters (the AWS default is 8 when no policy is set and 6 when the field is left out of a policy).',
  cwe: ['CWE-521'],
  benchmarks: [
    { framework: 'CIS AWS Foundations', version: '3.0.0', control: '1.8' },
    { framework: 'AWS Foundational Security Best Practices', control: 'IAM.7' },
  ],
  remediation: 'Set minimum_password_length to 14 or more.',
  tags: ['aws', 'iam', 'passwords'],
  formats: ['terraform'],
  resources: 'aws.iam.passwordPolicies',
  when: { attribute: 'minimumLength', 'less-than': 14 },
  message: 'Password policy {address} allows passwords shorter than 14 characters.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-IAM-006',
  title: 'IAM password policy does not prevent reusing the last 24 passwords',
  severity: 'low',
  severityRationale:
    'Reuse lets a user cycle back to a leaked password; it matters only where passwords are changed.',
  category: 'iac',
  description:
    'The account password policy remembers fewer than 24 previous passwords (or none), so users can go back to an old, possibly leaked password.',
  cwe: ['CWE-521'],
  benchmarks: [{ framework: 'CIS AWS Foundations', version: '3.0.0', control: '1.9' }],
  remediation: 'Set password_reuse_prevention to 24.',
  tags: ['aws', 'iam', 'passwords'],
  formats: ['terraform'],
  resources: 'aws.iam.passwordPolicies',
  when: {
    any: [
      { attribute: 'reusePrevention', 'less-than': 24 },
      { attribute: 'reusePrevention', exists: false },
    ],
  },
  message: 'Password policy {address} lets users reuse recent passwords.',
});

import { defineRule, field, isKnownValue, resources } from '../../../../scanners/rules/api.js';

const CLASSES = new Map([
  ['requireSymbols', 'symbols'],
  ['requireNumbers', 'numbers'],
  ['requireUppercase', 'upper-case letters'],
  ['requireLowercase', 'lower-case letters'],
]);

export default defineRule({
  id: 'PAL-AWS-IAM-007',
  title: 'IAM password policy does not require every character class',
  severity: 'low',
  severityRationale:
    'Character classes add little over length, but their absence lets trivial passwords through.',
  category: 'iac',
  description:
    'The account password policy does not require symbols, numbers, upper-case and lower-case letters.',
  cwe: ['CWE-521'],
  benchmarks: [{ framework: 'AWS Foundational Security Best Practices', control: 'IAM.7' }],
  remediation:
    'Set require_symbols, require_numbers, require_uppercase_characters and require_lowercase_characters to true.',
  tags: ['aws', 'iam', 'passwords'],
  formats: ['terraform'],
  check({ model, report }) {
    for (const policy of resources(model, 'aws.iam.passwordPolicies')) {
      for (const [name, label] of CLASSES) {
        const required = field<boolean>(policy, name);
        if (isKnownValue(required, false))
          report({
            resource: policy,
            attr: required,
            key: name,
            message: `Password policy ${policy.address} does not require ${label}.`,
          });
      }
    }
  },
});

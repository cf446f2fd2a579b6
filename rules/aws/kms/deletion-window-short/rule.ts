import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-KMS-003',
  title: 'KMS key deletion waiting period is shorter than 14 days',
  severity: 'low',
  severityRationale:
    'A short window leaves little time to notice and cancel a mistaken or malicious key deletion.',
  category: 'iac',
  description: 'The key is created with a deletion waiting period below 14 days (the default is 30).',
  cwe: ['CWE-693'],
  remediation:
    'Use a waiting period of at least 14 days; 30 (the default) is better for keys protecting long-lived data.',
  tags: ['aws', 'kms', 'data-protection'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.kms.keys',
  when: { attribute: 'deletionWindow', 'less-than': 14 },
  message: 'KMS key {address} can be deleted after a short waiting period.',
});

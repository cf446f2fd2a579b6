import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-GUARDDUTY-001',
  title: 'GuardDuty detector is disabled',
  severity: 'high',
  severityRationale:
    'A disabled detector produces no findings: compromised credentials, crypto-mining and exfiltration go undetected.',
  category: 'iac',
  description: 'A GuardDuty detector is declared but turned off, so the account gets no threat detection.',
  cwe: ['CWE-778'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'GuardDuty.1',
    },
  ],
  remediation: 'Set enable (Enable) to true on the detector.',
  tags: ['aws', 'guardduty', 'threat-detection'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.guardduty.detectors',
  when: {
    attribute: 'enabled',
    equals: false,
  },
  message: 'GuardDuty detector {address} is disabled.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-CLOUDTRAIL-001',
  title: 'CloudTrail trail records only its home region',
  severity: 'medium',
  severityRationale:
    'Activity in other regions goes unrecorded, which hides an attacker who works there, but nothing is exposed by itself.',
  category: 'iac',
  description:
    'A CloudTrail trail that is not multi-region records API activity in the region it was created in only.',
  cwe: ['CWE-778'],
  benchmarks: [
    {
      framework: 'CIS AWS Foundations',
      version: '1.4.0',
      control: '3.1',
    },
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'CloudTrail.1',
    },
  ],
  remediation: 'Set is_multi_region_trail (IsMultiRegionTrail) to true.',
  tags: ['aws', 'cloudtrail', 'logging'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.cloudtrail.trails',
  when: {
    attribute: 'multiRegion',
    equals: false,
  },
  message: 'Trail {address} records API activity in one region only.',
});

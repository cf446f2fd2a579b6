import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-CONFIG-001',
  title: 'AWS Config recorder does not record all supported resource types',
  severity: 'medium',
  severityRationale:
    'Resource types left out have no configuration history or compliance evaluation, which leaves blind spots rather than an exposure.',
  category: 'iac',
  description:
    'An AWS Config configuration recorder records a chosen list of resource types instead of every supported type, so changes to the others are not tracked.',
  cwe: ['CWE-778'],
  benchmarks: [
    {
      framework: 'CIS AWS Foundations',
      version: '1.4.0',
      control: '3.5',
    },
  ],
  remediation: 'Set recording_group.all_supported (RecordingGroup.AllSupported) to true.',
  tags: ['aws', 'config', 'monitoring'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.config.recorders',
  when: {
    attribute: 'allSupported',
    equals: false,
  },
  message: 'Config recorder {address} does not record every supported resource type.',
});

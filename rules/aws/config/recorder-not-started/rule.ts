import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-CONFIG-002',
  title: 'AWS Config recorder is never started',
  severity: 'medium',
  severityRationale:
    'A recorder that is not started records nothing, so every Config rule and change history it should feed is empty.',
  category: 'iac',
  description:
    'A Terraform AWS Config recorder has no aws_config_configuration_recorder_status that enables it, or the status disables it, so nothing is recorded.',
  cwe: ['CWE-778'],
  benchmarks: [
    {
      framework: 'CIS AWS Foundations',
      version: '1.4.0',
      control: '3.5',
    },
  ],
  remediation: 'Add an aws_config_configuration_recorder_status for the recorder with is_enabled = true.',
  tags: ['aws', 'config', 'monitoring'],
  formats: ['terraform'],
  resources: 'aws.config.recorders',
  when: {
    attribute: 'recording',
    equals: false,
  },
  message: 'Config recorder {address} is not started by an enabled recorder status.',
});

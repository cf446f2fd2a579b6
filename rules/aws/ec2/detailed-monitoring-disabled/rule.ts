import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-EC2-004',
  title: 'EC2 instance detailed monitoring is not enabled',
  severity: 'low',
  severityRationale: 'Five-minute metrics slow down detection and scaling; nothing is exposed.',
  category: 'iac',
  description: 'The instance publishes CloudWatch metrics every five minutes instead of every minute.',
  cwe: ['CWE-778'],
  remediation: 'Set monitoring = true (Monitoring: true) on instances that need timely alarms.',
  tags: ['aws', 'ec2', 'monitoring'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.ec2.instances',
  when: { attribute: 'monitoring', equals: false },
  message: 'Instance {address} does not enable detailed monitoring.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-CLOUDTRAIL-005',
  title: 'CloudTrail trail has logging turned off',
  severity: 'high',
  severityRationale:
    "A stopped trail records nothing: API activity, an attacker's included, leaves no audit record.",
  category: 'iac',
  description: 'A CloudTrail trail is declared with logging stopped, so it records no API activity at all.',
  cwe: ['CWE-778'],
  remediation: 'Set enable_logging (IsLogging) to true.',
  tags: ['aws', 'cloudtrail', 'logging'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.cloudtrail.trails',
  when: {
    attribute: 'logging',
    equals: false,
  },
  message: 'Trail {address} has logging stopped.',
});

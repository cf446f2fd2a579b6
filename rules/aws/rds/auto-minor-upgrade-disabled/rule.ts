import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-RDS-007',
  title: 'RDS instance does not apply minor version upgrades',
  severity: 'low',
  severityRationale: 'Security fixes in minor engine releases wait for someone to apply them by hand.',
  category: 'iac',
  description: 'The DB instance turns off automatic minor version upgrades.',
  cwe: ['CWE-1104'],
  benchmarks: [{ framework: 'AWS Foundational Security Best Practices', control: 'RDS.13' }],
  remediation: 'Leave auto_minor_version_upgrade on (the default) and pin a maintenance window.',
  tags: ['aws', 'rds', 'patching'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.rds.instances',
  when: { attribute: 'autoMinorVersionUpgrade', equals: false },
  message: 'DB instance {address} turns off automatic minor version upgrades.',
});

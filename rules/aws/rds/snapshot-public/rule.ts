import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-RDS-009',
  title: 'RDS snapshot is shared publicly',
  severity: 'critical',
  severityRationale: 'Any AWS account can restore the snapshot and read the whole database.',
  category: 'iac',
  description:
    'A DB snapshot or DB cluster snapshot lists "all" in its shared accounts, which makes it public.',
  cwe: ['CWE-200'],
  benchmarks: [{ framework: 'AWS Foundational Security Best Practices', control: 'RDS.1' }],
  remediation: 'Share snapshots with named account ids only.',
  tags: ['aws', 'rds', 'public-access'],
  formats: ['terraform'],
  resources: 'aws.rds.snapshots',
  when: { attribute: 'sharedAccounts', contains: 'all' },
  message: 'Snapshot {address} is shared with all AWS accounts.',
});

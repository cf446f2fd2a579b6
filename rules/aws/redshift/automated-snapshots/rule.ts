import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-REDSHIFT-006',
  title: 'Redshift cluster has automated snapshots turned off',
  severity: 'medium',
  severityRationale:
    'Without automated snapshots, a dropped table or a destructive query cannot be undone from a recent backup.',
  category: 'iac',
  description:
    'An Amazon Redshift cluster sets its automated snapshot retention period to 0, so no automatic backups are taken.',
  cwe: ['CWE-693'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'Redshift.3',
    },
  ],
  remediation:
    'Set automated_snapshot_retention_period (AutomatedSnapshotRetentionPeriod) to 7 days or more.',
  tags: ['aws', 'redshift', 'backup'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.redshift.clusters',
  when: {
    attribute: 'snapshotRetentionDays',
    equals: 0,
  },
  message: 'Redshift cluster {address} takes no automated snapshots.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-SQL-004',
  title: 'Cloud SQL instance has automated backups disabled',
  severity: 'medium',
  severityRationale: 'Data loss from an error, a bad migration or ransomware is unrecoverable.',
  category: 'iac',
  description: 'The instance has no enabled backup_configuration, so no automated backups are taken.',
  cwe: ['CWE-693'],
  benchmarks: [{ framework: 'CIS Google Cloud Platform Foundation', version: '2.0.0', control: '6.7' }],
  remediation:
    'Add backup_configuration { enabled = true } (and point_in_time_recovery_enabled for PostgreSQL).',
  tags: ['gcp', 'sql'],
  formats: ['terraform'],
  resources: 'google.sql.instances',
  when: { attribute: 'backups', equals: false },
  message: 'Cloud SQL instance {address} takes no automated backups.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-SQL-005',
  title: 'Cloud SQL instance has deletion protection turned off',
  severity: 'low',
  severityRationale: 'A mistaken apply or destroy deletes the database with its backups.',
  category: 'iac',
  description:
    'deletion_protection is false, so Terraform can delete the instance (and its automated backups) in a plan that replaces or destroys it.',
  cwe: ['CWE-693'],
  remediation: 'Remove deletion_protection = false (it defaults to true) for production databases.',
  tags: ['gcp', 'sql'],
  formats: ['terraform'],
  resources: 'google.sql.instances',
  when: { attribute: 'deletionProtection', equals: false },
  message: 'Cloud SQL instance {address} can be deleted by Terraform.',
});

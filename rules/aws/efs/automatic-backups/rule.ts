import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-EFS-002',
  title: 'EFS file system has no automatic backups',
  severity: 'low',
  severityRationale:
    'Without backups, deleted or encrypted files cannot be restored; it takes a mistake or an attack to matter.',
  category: 'iac',
  description: 'An Amazon EFS file system does not turn on automatic backups with AWS Backup.',
  cwe: ['CWE-693'],
  remediation:
    'Add an aws_efs_backup_policy with status ENABLED (BackupPolicy.Status: ENABLED), or cover the file system with an AWS Backup plan.',
  tags: ['aws', 'efs', 'backup'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.efs.fileSystems',
  when: {
    attribute: 'backups',
    equals: false,
  },
  message: 'EFS file system {address} has no automatic backups.',
});

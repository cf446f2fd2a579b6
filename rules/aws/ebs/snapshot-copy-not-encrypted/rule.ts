import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-EBS-002',
  title: 'EBS snapshot copy is not encrypted',
  severity: 'medium',
  severityRationale: 'A snapshot copy is the form in which volume data travels between regions and accounts.',
  category: 'iac',
  description:
    'An aws_ebs_snapshot_copy does not request encryption, so an unencrypted source stays unencrypted in the copy.',
  cwe: ['CWE-311'],
  remediation: 'Set encrypted = true (and kms_key_id) on the snapshot copy.',
  tags: ['aws', 'ebs', 'encryption'],
  formats: ['terraform'],
  resources: 'aws.ebs.snapshotCopies',
  when: { attribute: 'encrypted', equals: false },
  message: 'Snapshot copy {address} is not encrypted.',
});

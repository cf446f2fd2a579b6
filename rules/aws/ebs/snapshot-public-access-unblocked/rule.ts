import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-EBS-004',
  title: 'EBS snapshot block public access is off',
  severity: 'medium',
  severityRationale: 'Nothing then stops a snapshot from being shared publicly by one API call.',
  category: 'iac',
  description:
    'The region-level EBS snapshot block public access state is unblocked, so snapshots can be made public.',
  cwe: ['CWE-284'],
  remediation: 'Set the state to block-all-sharing (or block-new-sharing).',
  tags: ['aws', 'ebs', 'public-access', 'missing-safeguard'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.ebs.snapshotBlockPublicAccess',
  when: { attribute: 'state', equals: 'unblocked' },
  message: 'Snapshot block public access is unblocked by {address}.',
});

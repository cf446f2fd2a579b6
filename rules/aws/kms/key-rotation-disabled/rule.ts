import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-KMS-001',
  title: 'KMS key does not rotate automatically',
  severity: 'medium',
  severityRationale:
    'Key material never changes, so anything encrypted under it stays exposed to a single compromise forever.',
  category: 'iac',
  description: 'A symmetric encryption KMS key is created without automatic key rotation.',
  cwe: ['CWE-320'],
  benchmarks: [{ framework: 'AWS Foundational Security Best Practices', control: 'KMS.4' }],
  remediation: 'Set enable_key_rotation = true (EnableKeyRotation: true) on symmetric encryption keys.',
  tags: ['aws', 'kms', 'encryption'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.kms.keys',
  when: {
    all: [
      { attribute: 'rotation', equals: false },
      { attribute: 'keySpec', equals: 'SYMMETRIC_DEFAULT' },
      { attribute: 'keyUsage', equals: 'ENCRYPT_DECRYPT' },
    ],
  },
  message: 'KMS key {address} does not rotate automatically.',
});

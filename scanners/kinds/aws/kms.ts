import type { KindDefinition } from '../../model/kinds.js';

export const KMS_KINDS: KindDefinition[] = [
  {
    kind: 'aws.kms.key',
    collection: 'aws.kms.keys',
    fields: {
      rotation: 'bool',
      keySpec: 'string',
      keyUsage: 'string',
      policy: 'json',
      deletionWindow: 'number',
    },
    sources: [
      {
        family: 'terraform',
        types: ['aws_kms_key'],
        fields: {
          rotation: { path: 'enable_key_rotation', default: false },
          keySpec: { path: 'customer_master_key_spec', default: 'SYMMETRIC_DEFAULT' },
          keyUsage: { path: 'key_usage', default: 'ENCRYPT_DECRYPT' },
          policy: 'policy',
          deletionWindow: { path: 'deletion_window_in_days', default: 30 },
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::KMS::Key'],
        fields: {
          rotation: { path: 'EnableKeyRotation', default: false },
          keySpec: { path: 'KeySpec', default: 'SYMMETRIC_DEFAULT' },
          keyUsage: { path: 'KeyUsage', default: 'ENCRYPT_DECRYPT' },
          policy: 'KeyPolicy',
          deletionWindow: { path: 'PendingWindowInDays', default: 30 },
        },
      },
    ],
    attachments: [
      { family: 'terraform', types: ['aws_kms_key_policy'], via: 'key_id', fields: { policy: 'policy' } },
    ],
  },
];

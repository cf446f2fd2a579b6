import type { KindDefinition } from '../../model/kinds.js';

export const EBS_KINDS: KindDefinition[] = [
  {
    kind: 'aws.ebs.volume',
    collection: 'aws.ebs.volumes',
    fields: { encrypted: 'bool', kmsKeyId: 'string' },
    sources: [
      {
        family: 'terraform',
        types: ['aws_ebs_volume'],
        fields: { encrypted: { path: 'encrypted', default: false }, kmsKeyId: 'kms_key_id' },
      },
      {
        family: 'cloudformation',
        types: ['AWS::EC2::Volume'],
        fields: { encrypted: { path: 'Encrypted', default: false }, kmsKeyId: 'KmsKeyId' },
      },
    ],
  },
  {
    kind: 'aws.ebs.snapshotCopy',
    collection: 'aws.ebs.snapshotCopies',
    fields: { encrypted: 'bool' },
    sources: [
      {
        family: 'terraform',
        types: ['aws_ebs_snapshot_copy'],
        fields: { encrypted: { path: 'encrypted', default: false } },
      },
    ],
  },
  {
    // The account and region setting that encrypts every new volume.
    kind: 'aws.ebs.encryptionByDefault',
    collection: 'aws.ebs.encryptionByDefault',
    fields: { enabled: 'bool' },
    sources: [
      {
        family: 'terraform',
        types: ['aws_ebs_encryption_by_default'],
        fields: { enabled: { path: 'enabled', default: true } },
      },
    ],
  },
  {
    kind: 'aws.ebs.snapshotBlockPublicAccess',
    collection: 'aws.ebs.snapshotBlockPublicAccess',
    fields: { state: 'string' },
    sources: [
      { family: 'terraform', types: ['aws_ebs_snapshot_block_public_access'], fields: { state: 'state' } },
      {
        family: 'cloudformation',
        types: ['AWS::EC2::SnapshotBlockPublicAccess'],
        fields: { state: 'State' },
      },
    ],
  },
];

import type { KindDefinition } from '../../model/kinds.js';

const enabled = (value: unknown) => value === 'Enabled';

export const S3_KINDS: KindDefinition[] = [
  {
    kind: 'aws.s3.bucket',
    collection: 'aws.s3.buckets',
    identity: ['name'],
    fields: {
      name: 'string',
      'versioning.enabled': 'bool',
      'versioning.mfaDelete': 'bool',
    },
    sources: [
      {
        family: 'terraform',
        types: ['aws_s3_bucket'],
        fields: {
          name: 'bucket',
          'versioning.enabled': { path: 'versioning.enabled', default: false },
          'versioning.mfaDelete': { path: 'versioning.mfa_delete', default: false },
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::S3::Bucket'],
        fields: {
          name: 'BucketName',
          'versioning.enabled': { path: 'VersioningConfiguration.Status', default: false, map: enabled },
          'versioning.mfaDelete': { path: 'VersioningConfiguration.MfaDelete', default: false, map: enabled },
        },
      },
    ],
    attachments: [
      {
        family: 'terraform',
        types: ['aws_s3_bucket_versioning'],
        via: 'bucket',
        fields: {
          'versioning.enabled': { path: 'versioning_configuration.status', default: false, map: enabled },
          'versioning.mfaDelete': {
            path: 'versioning_configuration.mfa_delete',
            default: false,
            map: enabled,
          },
        },
      },
    ],
  },
];

import type { FieldSource, KindDefinition } from '../../model/kinds.js';

const enabled = (value: unknown) => value === 'Enabled';

/**
 * A setting the resource type cannot express itself, so it always takes `value`: the path names no
 * attribute of the type. Used where another resource (an attachment) is the only way to set a field.
 */
export function fixed(value: unknown): FieldSource {
  return { path: '\u0000fixed', default: value };
}

/** CloudFormation spells canned ACLs in Pascal case (`PublicReadWrite`); the neutral value is the S3 header spelling. */
export function cannedAcl(value: unknown): unknown {
  return typeof value === 'string' ? value.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase() : value;
}

/** One flag of a CloudFormation PublicAccessBlockConfiguration: absent inside a declared block means false. */
function blockFlag(name: string): FieldSource {
  return {
    // The flag itself when written; else the block, which then lacks the flag.
    path: [`PublicAccessBlockConfiguration.${name}`, 'PublicAccessBlockConfiguration'],
    // Since April 2023 S3 turns every Block Public Access setting on for new buckets.
    default: true,
    map: (value) => (value !== null && typeof value === 'object' ? false : value),
  };
}

export const S3_KINDS: KindDefinition[] = [
  {
    kind: 'aws.s3.bucket',
    collection: 'aws.s3.buckets',
    identity: ['name'],
    fields: {
      name: 'string',
      'versioning.enabled': 'bool',
      'versioning.mfaDelete': 'bool',
      'publicAccessBlock.declared': 'present',
      'publicAccessBlock.blockPublicAcls': 'bool',
      'publicAccessBlock.blockPublicPolicy': 'bool',
      'publicAccessBlock.ignorePublicAcls': 'bool',
      'publicAccessBlock.restrictPublicBuckets': 'bool',
      acl: 'string',
      policy: 'json',
      'encryption.algorithm': 'string',
      'logging.enabled': 'present',
    },
    sources: [
      {
        family: 'terraform',
        types: ['aws_s3_bucket'],
        fields: {
          name: 'bucket',
          'versioning.enabled': { path: 'versioning.enabled', default: false },
          'versioning.mfaDelete': { path: 'versioning.mfa_delete', default: false },
          // Only aws_s3_bucket_public_access_block sets these; without it the S3 defaults (all on) apply.
          'publicAccessBlock.declared': fixed(false),
          'publicAccessBlock.blockPublicAcls': fixed(true),
          'publicAccessBlock.blockPublicPolicy': fixed(true),
          'publicAccessBlock.ignorePublicAcls': fixed(true),
          'publicAccessBlock.restrictPublicBuckets': fixed(true),
          acl: 'acl',
          policy: 'policy',
          'encryption.algorithm': {
            path: 'server_side_encryption_configuration.rule.apply_server_side_encryption_by_default.sse_algorithm',
            default: 'AES256',
          },
          'logging.enabled': 'logging',
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::S3::Bucket'],
        fields: {
          name: 'BucketName',
          'versioning.enabled': { path: 'VersioningConfiguration.Status', default: false, map: enabled },
          'versioning.mfaDelete': { path: 'VersioningConfiguration.MfaDelete', default: false, map: enabled },
          'publicAccessBlock.declared': 'PublicAccessBlockConfiguration',
          'publicAccessBlock.blockPublicAcls': blockFlag('BlockPublicAcls'),
          'publicAccessBlock.blockPublicPolicy': blockFlag('BlockPublicPolicy'),
          'publicAccessBlock.ignorePublicAcls': blockFlag('IgnorePublicAcls'),
          'publicAccessBlock.restrictPublicBuckets': blockFlag('RestrictPublicBuckets'),
          acl: { path: 'AccessControl', map: cannedAcl },
          // Only AWS::S3::BucketPolicy sets it.
          policy: fixed(undefined),
          'encryption.algorithm': {
            path: 'BucketEncryption.ServerSideEncryptionConfiguration.ServerSideEncryptionByDefault.SSEAlgorithm',
            default: 'AES256',
          },
          'logging.enabled': 'LoggingConfiguration',
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
      {
        family: 'terraform',
        types: ['aws_s3_bucket_public_access_block'],
        via: 'bucket',
        fields: {
          // Present, whatever the bucket reference evaluates to.
          'publicAccessBlock.declared': fixed(true),
          // The resource's own defaults are false for every flag it leaves out.
          'publicAccessBlock.blockPublicAcls': { path: 'block_public_acls', default: false },
          'publicAccessBlock.blockPublicPolicy': { path: 'block_public_policy', default: false },
          'publicAccessBlock.ignorePublicAcls': { path: 'ignore_public_acls', default: false },
          'publicAccessBlock.restrictPublicBuckets': { path: 'restrict_public_buckets', default: false },
        },
      },
      {
        family: 'terraform',
        types: ['aws_s3_bucket_acl'],
        via: 'bucket',
        fields: { acl: 'acl' },
      },
      {
        family: 'terraform',
        types: ['aws_s3_bucket_policy'],
        via: 'bucket',
        fields: { policy: 'policy' },
      },
      {
        family: 'cloudformation',
        types: ['AWS::S3::BucketPolicy'],
        via: 'Bucket',
        fields: { policy: 'PolicyDocument' },
      },
      {
        family: 'terraform',
        types: ['aws_s3_bucket_server_side_encryption_configuration'],
        via: 'bucket',
        fields: {
          'encryption.algorithm': {
            path: 'rule.apply_server_side_encryption_by_default.sse_algorithm',
            default: 'AES256',
          },
        },
      },
      {
        family: 'terraform',
        types: ['aws_s3_bucket_logging'],
        via: 'bucket',
        fields: { 'logging.enabled': fixed(true) },
      },
    ],
  },
  {
    // Account-wide Block Public Access: it applies to every bucket of the account.
    kind: 'aws.s3.accountPublicAccessBlock',
    collection: 'aws.s3.accountPublicAccessBlocks',
    fields: {
      blockPublicAcls: 'bool',
      blockPublicPolicy: 'bool',
      ignorePublicAcls: 'bool',
      restrictPublicBuckets: 'bool',
    },
    sources: [
      {
        family: 'terraform',
        types: ['aws_s3_account_public_access_block'],
        fields: {
          blockPublicAcls: { path: 'block_public_acls', default: false },
          blockPublicPolicy: { path: 'block_public_policy', default: false },
          ignorePublicAcls: { path: 'ignore_public_acls', default: false },
          restrictPublicBuckets: { path: 'restrict_public_buckets', default: false },
        },
      },
    ],
  },
];

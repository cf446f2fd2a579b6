import type { KindDefinition } from '../../model/kinds.js';

/** Cloud Storage buckets; legacy ACL resources attach to their bucket. IAM grants are google.iam.grants. */
export const STORAGE_KINDS: KindDefinition[] = [
  {
    kind: 'google.storage.bucket',
    collection: 'google.storage.buckets',
    identity: ['name'],
    fields: {
      name: 'string',
      uniformBucketLevelAccess: 'bool',
      publicAccessPrevention: 'string',
      'versioning.enabled': 'bool',
      logging: 'present',
      retentionPolicyLocked: 'bool',
      encryptionKey: 'string',
    },
    children: { acls: { predefinedAcl: 'string', roleEntities: 'list' } },
    sources: [
      {
        family: 'terraform',
        types: ['google_storage_bucket'],
        fields: {
          name: 'name',
          uniformBucketLevelAccess: { path: 'uniform_bucket_level_access', default: false },
          publicAccessPrevention: { path: 'public_access_prevention', default: 'inherited' },
          'versioning.enabled': { path: 'versioning.enabled', default: false },
          logging: 'logging',
          retentionPolicyLocked: { path: 'retention_policy.is_locked', default: false },
          encryptionKey: 'encryption.default_kms_key_name',
        },
      },
    ],
    attachments: [
      {
        family: 'terraform',
        types: ['google_storage_bucket_acl'],
        via: 'bucket',
        child: { name: 'acls', fields: { predefinedAcl: 'predefined_acl', roleEntities: 'role_entity' } },
      },
    ],
  },
];

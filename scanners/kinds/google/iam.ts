import type { KindDefinition } from '../../model/kinds.js';

/** Resources whose IAM grants are separate `*_iam_member` / `*_iam_binding` resources, by the granted scope. */
const IAM_SCOPES = [
  'project',
  'folder',
  'organization',
  'storage_bucket',
  'kms_crypto_key',
  'kms_key_ring',
  'bigquery_dataset',
  'bigquery_table',
  'cloudfunctions_function',
  'cloudfunctions2_function',
  'cloud_run_service',
  'cloud_run_v2_service',
  'pubsub_topic',
  'pubsub_subscription',
  'service_account',
  'secret_manager_secret',
  'artifact_registry_repository',
  'compute_instance',
  'spanner_database',
];

/**
 * Every IAM grant, wherever it lands: one collection, so "public grant" rules see grants whose resource is
 * declared elsewhere. `sourceType` tells the scope (google_storage_bucket_iam_member...).
 */
export const IAM_KINDS: KindDefinition[] = [
  {
    kind: 'google.iam.grant',
    collection: 'google.iam.grants',
    fields: { role: 'string', members: 'list' },
    sources: [
      {
        family: 'terraform',
        types: IAM_SCOPES.flatMap((scope) => [`google_${scope}_iam_member`, `google_${scope}_iam_binding`]),
        fields: { role: 'role', members: { path: ['members', 'member'] } },
      },
    ],
  },
  {
    kind: 'google.iam.serviceAccountKey',
    collection: 'google.iam.serviceAccountKeys',
    fields: { serviceAccount: 'string', publicKeyData: 'present' },
    sources: [
      {
        family: 'terraform',
        types: ['google_service_account_key'],
        fields: { serviceAccount: 'service_account_id', publicKeyData: 'public_key_data' },
      },
    ],
  },
];

import type { KindDefinition } from '../../model/kinds.js';

/** KMS keys, BigQuery datasets, Pub/Sub topics and Cloud DNS zones. */
export const DATA_KINDS: KindDefinition[] = [
  {
    kind: 'google.kms.cryptoKey',
    collection: 'google.kms.cryptoKeys',
    fields: { rotationPeriod: 'string', purpose: 'string' },
    sources: [
      {
        family: 'terraform',
        types: ['google_kms_crypto_key'],
        fields: {
          rotationPeriod: 'rotation_period',
          purpose: { path: 'purpose', default: 'ENCRYPT_DECRYPT' },
        },
      },
    ],
  },
  {
    kind: 'google.bigquery.dataset',
    collection: 'google.bigquery.datasets',
    fields: { kmsKey: 'string' },
    children: { access: { role: 'string', specialGroup: 'string', iamMember: 'string' } },
    sources: [
      {
        family: 'terraform',
        types: ['google_bigquery_dataset'],
        fields: { kmsKey: 'default_encryption_configuration.kms_key_name' },
        children: {
          access: {
            path: 'access',
            fields: { role: 'role', specialGroup: 'special_group', iamMember: 'iam_member' },
          },
        },
      },
    ],
  },
  {
    kind: 'google.pubsub.topic',
    collection: 'google.pubsub.topics',
    fields: { kmsKey: 'string' },
    sources: [{ family: 'terraform', types: ['google_pubsub_topic'], fields: { kmsKey: 'kms_key_name' } }],
  },
  {
    kind: 'google.dns.zone',
    collection: 'google.dns.zones',
    fields: { visibility: 'string', dnssecState: 'string' },
    children: { keySpecs: { algorithm: 'string', keyType: 'string' } },
    sources: [
      {
        family: 'terraform',
        types: ['google_dns_managed_zone'],
        fields: {
          visibility: { path: 'visibility', default: 'public' },
          dnssecState: { path: 'dnssec_config.state', default: 'off' },
        },
        children: {
          keySpecs: {
            path: 'dnssec_config.default_key_specs',
            fields: { algorithm: 'algorithm', keyType: 'key_type' },
          },
        },
      },
    ],
  },
];

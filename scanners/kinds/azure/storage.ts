import type { KindDefinition } from '../../model/kinds.js';
import { apiVersionBefore, apiVersionFrom, configured, publicAccessFlag } from './common.js';

const ARM_ACCOUNT_FIELDS = {
  name: 'name',
  minTlsVersion: { path: 'properties.minimumTlsVersion', default: 'TLS1_0' },
  // Azure no longer lets new accounts allow public blobs unless asked to: only an explicit value is judged.
  publicBlobAccess: 'properties.allowBlobPublicAccess',
  publicNetworkAccess: { path: 'properties.publicNetworkAccess', default: true, map: publicAccessFlag },
  'network.defaultAction': { path: 'properties.networkAcls.defaultAction', default: 'Allow' },
  sharedKeyAccess: { path: 'properties.allowSharedKeyAccess', default: true },
  infrastructureEncryption: { path: 'properties.encryption.requireInfrastructureEncryption', default: false },
  // Blob soft delete lives on the blobServices child (an attachment): without one it is off.
  'blobSoftDelete.enabled': { path: [], default: false },
};

/** Storage accounts; network rules, queue properties and blob services attach to their account. */
export const STORAGE_KINDS: KindDefinition[] = [
  {
    kind: 'azure.storage.account',
    collection: 'azure.storage.accounts',
    identity: ['name'],
    fields: {
      name: 'string',
      httpsOnly: 'bool',
      minTlsVersion: 'string',
      publicBlobAccess: 'bool',
      publicNetworkAccess: 'bool',
      'network.defaultAction': 'string',
      sharedKeyAccess: 'bool',
      infrastructureEncryption: 'bool',
      'blobSoftDelete.enabled': 'bool',
      'queueLogging.configured': 'bool',
      'queueLogging.read': 'bool',
      'queueLogging.write': 'bool',
      'queueLogging.delete': 'bool',
    },
    sources: [
      {
        family: 'terraform',
        types: ['azurerm_storage_account'],
        fields: {
          name: 'name',
          httpsOnly: { path: ['https_traffic_only_enabled', 'enable_https_traffic_only'], default: true },
          minTlsVersion: { path: 'min_tls_version', default: 'TLS1_2' },
          publicBlobAccess: {
            path: ['allow_nested_items_to_be_public', 'allow_blob_public_access'],
            default: true,
          },
          publicNetworkAccess: { path: 'public_network_access_enabled', default: true },
          'network.defaultAction': { path: 'network_rules.default_action', default: 'Allow' },
          sharedKeyAccess: { path: 'shared_access_key_enabled', default: true },
          infrastructureEncryption: { path: 'infrastructure_encryption_enabled', default: false },
          'blobSoftDelete.enabled': {
            path: 'blob_properties.delete_retention_policy',
            default: false,
            map: configured,
          },
          'queueLogging.configured': { path: 'queue_properties', default: false, map: configured },
          'queueLogging.read': { path: 'queue_properties.logging.read', default: false },
          'queueLogging.write': { path: 'queue_properties.logging.write', default: false },
          'queueLogging.delete': { path: 'queue_properties.logging.delete', default: false },
        },
      },
      {
        family: 'arm',
        types: ['Microsoft.Storage/storageAccounts'],
        // Secure transfer is on by default from API version 2019-04-01.
        when: apiVersionFrom('2019-04-01'),
        fields: {
          ...ARM_ACCOUNT_FIELDS,
          httpsOnly: { path: 'properties.supportsHttpsTrafficOnly', default: true },
        },
      },
      {
        family: 'arm',
        types: ['Microsoft.Storage/storageAccounts'],
        when: apiVersionBefore('2019-04-01'),
        fields: {
          ...ARM_ACCOUNT_FIELDS,
          httpsOnly: { path: 'properties.supportsHttpsTrafficOnly', default: false },
        },
      },
    ],
    attachments: [
      {
        family: 'terraform',
        types: ['azurerm_storage_account_network_rules'],
        via: 'storage_account_id',
        fields: { 'network.defaultAction': 'default_action' },
      },
      {
        // azurerm 2.x/3.x spelling: the account is named, not referenced by ID.
        family: 'terraform',
        types: ['azurerm_storage_account_network_rules'],
        via: 'storage_account_name',
        fields: { 'network.defaultAction': 'default_action' },
      },
      {
        family: 'terraform',
        types: ['azurerm_storage_account_queue_properties'],
        via: 'storage_account_id',
        fields: {
          'queueLogging.configured': { path: [], default: true },
          'queueLogging.read': { path: 'logging.read', default: false },
          'queueLogging.write': { path: 'logging.write', default: false },
          'queueLogging.delete': { path: 'logging.delete', default: false },
        },
      },
      {
        family: 'arm',
        types: ['Microsoft.Storage/storageAccounts/blobServices'],
        via: '$ancestors',
        fields: {
          'blobSoftDelete.enabled': { path: 'properties.deleteRetentionPolicy.enabled', default: false },
        },
      },
    ],
  },
];

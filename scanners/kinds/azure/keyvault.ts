import type { KindDefinition } from '../../model/kinds.js';
import { has, publicAccessFlag } from './common.js';

/** Key vaults, their keys and secrets; diagnostic settings that ship logs attach to their vault. */
export const KEYVAULT_KINDS: KindDefinition[] = [
  {
    kind: 'azure.keyvault.vault',
    collection: 'azure.keyvault.vaults',
    identity: ['name'],
    fields: {
      name: 'string',
      purgeProtection: 'bool',
      softDeleteEnabled: 'bool',
      softDeleteRetentionDays: 'number',
      publicNetworkAccess: 'bool',
      'network.defaultAction': 'string',
      rbacAuthorization: 'bool',
      'diagnostics.logs': 'bool',
    },
    sources: [
      {
        family: 'terraform',
        types: ['azurerm_key_vault'],
        fields: {
          name: 'name',
          purgeProtection: { path: 'purge_protection_enabled', default: false },
          softDeleteEnabled: { path: 'soft_delete_enabled', default: true },
          softDeleteRetentionDays: { path: 'soft_delete_retention_days', default: 90 },
          publicNetworkAccess: { path: 'public_network_access_enabled', default: true },
          'network.defaultAction': { path: 'network_acls.default_action', default: 'Allow' },
          rbacAuthorization: {
            path: ['rbac_authorization_enabled', 'enable_rbac_authorization'],
            default: false,
          },
          // Set by a diagnostic setting that targets the vault.
          'diagnostics.logs': { path: [], default: false },
        },
      },
      {
        family: 'arm',
        types: ['Microsoft.KeyVault/vaults'],
        fields: {
          name: 'name',
          purgeProtection: { path: 'properties.enablePurgeProtection', default: false },
          softDeleteEnabled: { path: 'properties.enableSoftDelete', default: true },
          softDeleteRetentionDays: { path: 'properties.softDeleteRetentionInDays', default: 90 },
          publicNetworkAccess: {
            path: 'properties.publicNetworkAccess',
            default: true,
            map: publicAccessFlag,
          },
          'network.defaultAction': { path: 'properties.networkAcls.defaultAction', default: 'Allow' },
          rbacAuthorization: { path: 'properties.enableRbacAuthorization', default: false },
          'diagnostics.logs': { path: [], default: false },
        },
      },
    ],
    attachments: [
      {
        // Only settings that send log categories count; a metrics-only setting leaves the vault unaudited.
        family: 'terraform',
        types: ['azurerm_monitor_diagnostic_setting'],
        via: 'target_resource_id',
        when: (body) => has('enabled_log')(body) || has('log')(body),
        fields: { 'diagnostics.logs': { path: [], default: true } },
      },
      {
        family: 'arm',
        types: ['Microsoft.Insights/diagnosticSettings'],
        via: 'scope',
        when: has('properties.logs'),
        fields: { 'diagnostics.logs': { path: [], default: true } },
      },
      {
        // The older nested form: `vault/Microsoft.Insights/name` under the vault's providers.
        family: 'arm',
        types: ['Microsoft.KeyVault/vaults/providers/diagnosticSettings'],
        via: '$ancestors',
        when: has('properties.logs'),
        fields: { 'diagnostics.logs': { path: [], default: true } },
      },
    ],
  },
  {
    kind: 'azure.keyvault.key',
    collection: 'azure.keyvault.keys',
    fields: { name: 'string', expires: 'string' },
    sources: [
      {
        family: 'terraform',
        types: ['azurerm_key_vault_key'],
        fields: { name: 'name', expires: 'expiration_date' },
      },
      {
        family: 'arm',
        types: ['Microsoft.KeyVault/vaults/keys'],
        fields: { name: 'name', expires: 'properties.attributes.exp' },
      },
    ],
  },
  {
    kind: 'azure.keyvault.secret',
    collection: 'azure.keyvault.secrets',
    fields: { name: 'string', expires: 'string' },
    sources: [
      {
        family: 'terraform',
        types: ['azurerm_key_vault_secret'],
        fields: { name: 'name', expires: 'expiration_date' },
      },
      {
        family: 'arm',
        types: ['Microsoft.KeyVault/vaults/secrets'],
        fields: { name: 'name', expires: 'properties.attributes.exp' },
      },
    ],
  },
];

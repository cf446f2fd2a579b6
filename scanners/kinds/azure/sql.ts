import type { KindDefinition } from '../../model/kinds.js';
import { configured, enabledFlag, publicAccessFlag } from './common.js';

/** Azure SQL logical servers, databases, firewall rules and managed instances. */
export const SQL_KINDS: KindDefinition[] = [
  {
    kind: 'azure.sql.server',
    collection: 'azure.sql.servers',
    identity: ['name'],
    fields: {
      name: 'string',
      minTlsVersion: 'string',
      publicNetworkAccess: 'bool',
      'auditing.enabled': 'bool',
      'auditing.retentionDays': 'number',
      'threatDetection.enabled': 'bool',
      'aadAdmin.configured': 'bool',
    },
    sources: [
      {
        family: 'terraform',
        types: ['azurerm_mssql_server'],
        fields: {
          name: 'name',
          minTlsVersion: { path: 'minimum_tls_version', default: '1.2' },
          publicNetworkAccess: { path: 'public_network_access_enabled', default: true },
          // azurerm 2.x inline block; later versions use azurerm_mssql_server_extended_auditing_policy.
          'auditing.enabled': { path: 'extended_auditing_policy', default: false, map: configured },
          'auditing.retentionDays': { path: 'extended_auditing_policy.retention_in_days', default: 0 },
          'threatDetection.enabled': { path: [], default: false },
          'aadAdmin.configured': { path: 'azuread_administrator', default: false, map: configured },
        },
      },
      {
        family: 'terraform',
        types: ['azurerm_sql_server'],
        fields: {
          name: 'name',
          'auditing.enabled': { path: 'extended_auditing_policy', default: false, map: configured },
          'auditing.retentionDays': { path: 'extended_auditing_policy.retention_in_days', default: 0 },
          'threatDetection.enabled': { path: [], default: false },
          'aadAdmin.configured': { path: [], default: false },
        },
      },
      {
        family: 'arm',
        types: ['Microsoft.Sql/servers'],
        fields: {
          name: 'name',
          // No documented API default: only an explicit value is judged.
          minTlsVersion: 'properties.minimalTlsVersion',
          publicNetworkAccess: {
            path: 'properties.publicNetworkAccess',
            default: true,
            map: publicAccessFlag,
          },
          'auditing.enabled': { path: [], default: false },
          'auditing.retentionDays': { path: [], default: 0 },
          'threatDetection.enabled': { path: [], default: false },
          'aadAdmin.configured': { path: 'properties.administrators', default: false, map: configured },
        },
      },
    ],
    attachments: [
      {
        family: 'terraform',
        types: ['azurerm_mssql_server_extended_auditing_policy'],
        via: 'server_id',
        fields: {
          'auditing.enabled': { path: 'enabled', default: true },
          'auditing.retentionDays': { path: 'retention_in_days', default: 0 },
        },
      },
      {
        family: 'terraform',
        types: ['azurerm_mssql_server_security_alert_policy'],
        via: 'server_name',
        fields: { 'threatDetection.enabled': { path: 'state', map: enabledFlag } },
      },
      {
        family: 'terraform',
        types: ['azurerm_sql_active_directory_administrator'],
        via: 'server_name',
        fields: { 'aadAdmin.configured': { path: [], default: true } },
      },
      {
        family: 'arm',
        types: ['Microsoft.Sql/servers/auditingSettings', 'Microsoft.Sql/servers/extendedAuditingSettings'],
        via: '$ancestors',
        fields: {
          'auditing.enabled': { path: 'properties.state', map: enabledFlag },
          'auditing.retentionDays': { path: 'properties.retentionDays', default: 0 },
        },
      },
      {
        family: 'arm',
        types: ['Microsoft.Sql/servers/securityAlertPolicies'],
        via: '$ancestors',
        fields: { 'threatDetection.enabled': { path: 'properties.state', map: enabledFlag } },
      },
      {
        family: 'arm',
        types: ['Microsoft.Sql/servers/administrators'],
        via: '$ancestors',
        fields: { 'aadAdmin.configured': { path: [], default: true } },
      },
    ],
  },
  {
    kind: 'azure.sql.database',
    collection: 'azure.sql.databases',
    fields: { name: 'string', tdeEnabled: 'bool' },
    sources: [
      {
        family: 'terraform',
        types: ['azurerm_mssql_database'],
        fields: {
          name: 'name',
          tdeEnabled: { path: 'transparent_data_encryption_enabled', default: true },
        },
      },
      {
        family: 'arm',
        types: ['Microsoft.Sql/servers/databases'],
        fields: { name: 'name', tdeEnabled: { path: [], default: true } },
      },
    ],
    attachments: [
      {
        family: 'arm',
        types: ['Microsoft.Sql/servers/databases/transparentDataEncryption'],
        via: '$ancestors',
        fields: { tdeEnabled: { path: 'properties.state', map: enabledFlag } },
      },
    ],
  },
  {
    kind: 'azure.sql.firewallRule',
    collection: 'azure.sql.firewallRules',
    fields: { name: 'string', startIp: 'string', endIp: 'string' },
    sources: [
      {
        family: 'terraform',
        types: ['azurerm_mssql_firewall_rule', 'azurerm_sql_firewall_rule'],
        fields: { name: 'name', startIp: 'start_ip_address', endIp: 'end_ip_address' },
      },
      {
        family: 'arm',
        types: ['Microsoft.Sql/servers/firewallRules'],
        fields: { name: 'name', startIp: 'properties.startIpAddress', endIp: 'properties.endIpAddress' },
      },
    ],
  },
  {
    kind: 'azure.sql.managedInstance',
    collection: 'azure.sql.managedInstances',
    fields: { name: 'string', publicDataEndpoint: 'bool', minTlsVersion: 'string' },
    sources: [
      {
        family: 'terraform',
        types: ['azurerm_mssql_managed_instance'],
        fields: {
          name: 'name',
          publicDataEndpoint: { path: 'public_data_endpoint_enabled', default: false },
          minTlsVersion: { path: 'minimum_tls_version', default: '1.2' },
        },
      },
      {
        family: 'arm',
        types: ['Microsoft.Sql/managedInstances'],
        fields: {
          name: 'name',
          publicDataEndpoint: { path: 'properties.publicDataEndpointEnabled', default: false },
          minTlsVersion: 'properties.minimalTlsVersion',
        },
      },
    ],
  },
];

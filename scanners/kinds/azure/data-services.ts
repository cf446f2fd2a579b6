import type { KindDefinition } from '../../model/kinds.js';
import { ipRangeList, negated, publicAccessFlag } from './common.js';

/** Cosmos DB accounts, Data Factory factories, Synapse workspaces and their firewall rules. */
export const DATA_SERVICE_KINDS: KindDefinition[] = [
  {
    kind: 'azure.cosmosdb.account',
    collection: 'azure.cosmosdb.accounts',
    fields: {
      name: 'string',
      publicNetworkAccess: 'bool',
      ipRules: 'list',
      virtualNetworkFilter: 'bool',
      keyBasedMetadataWrites: 'bool',
      localAuthentication: 'bool',
    },
    sources: [
      {
        family: 'terraform',
        types: ['azurerm_cosmosdb_account'],
        fields: {
          name: 'name',
          publicNetworkAccess: { path: 'public_network_access_enabled', default: true },
          // 3.x: a comma-separated string; 4.x: a set of strings.
          ipRules: { path: 'ip_range_filter', map: ipRangeList },
          virtualNetworkFilter: { path: 'is_virtual_network_filter_enabled', default: false },
          keyBasedMetadataWrites: { path: 'access_key_metadata_writes_enabled', default: true },
          localAuthentication: { path: 'local_authentication_disabled', default: true, map: negated },
        },
      },
      {
        family: 'arm',
        types: ['Microsoft.DocumentDB/databaseAccounts'],
        fields: {
          name: 'name',
          publicNetworkAccess: {
            path: 'properties.publicNetworkAccess',
            default: true,
            map: publicAccessFlag,
          },
          ipRules: { path: 'properties.ipRules', map: ipRangeList },
          virtualNetworkFilter: { path: 'properties.isVirtualNetworkFilterEnabled', default: false },
          keyBasedMetadataWrites: {
            path: 'properties.disableKeyBasedMetadataWriteAccess',
            default: true,
            map: negated,
          },
          localAuthentication: { path: 'properties.disableLocalAuth', default: true, map: negated },
        },
      },
    ],
  },
  {
    kind: 'azure.datafactory.factory',
    collection: 'azure.datafactory.factories',
    fields: { name: 'string', publicNetworkAccess: 'bool' },
    sources: [
      {
        family: 'terraform',
        types: ['azurerm_data_factory'],
        fields: { name: 'name', publicNetworkAccess: { path: 'public_network_enabled', default: true } },
      },
      {
        family: 'arm',
        types: ['Microsoft.DataFactory/factories'],
        fields: {
          name: 'name',
          publicNetworkAccess: {
            path: 'properties.publicNetworkAccess',
            default: true,
            map: publicAccessFlag,
          },
        },
      },
    ],
  },
  {
    kind: 'azure.synapse.workspace',
    collection: 'azure.synapse.workspaces',
    fields: { name: 'string', publicNetworkAccess: 'bool' },
    sources: [
      {
        family: 'terraform',
        types: ['azurerm_synapse_workspace'],
        fields: {
          name: 'name',
          publicNetworkAccess: { path: 'public_network_access_enabled', default: true },
        },
      },
      {
        family: 'arm',
        types: ['Microsoft.Synapse/workspaces'],
        fields: {
          name: 'name',
          publicNetworkAccess: {
            path: 'properties.publicNetworkAccess',
            default: true,
            map: publicAccessFlag,
          },
        },
      },
    ],
  },
  {
    kind: 'azure.synapse.firewallRule',
    collection: 'azure.synapse.firewallRules',
    fields: { name: 'string', startIp: 'string', endIp: 'string' },
    sources: [
      {
        family: 'terraform',
        types: ['azurerm_synapse_firewall_rule'],
        fields: { name: 'name', startIp: 'start_ip_address', endIp: 'end_ip_address' },
      },
      {
        family: 'arm',
        types: ['Microsoft.Synapse/workspaces/firewallRules'],
        fields: { name: 'name', startIp: 'properties.startIpAddress', endIp: 'properties.endIpAddress' },
      },
    ],
  },
];

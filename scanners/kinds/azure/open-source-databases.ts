import type { KindDefinition } from '../../model/kinds.js';
import { enabledFlag, lastSegment, lowerCase, publicAccessFlag } from './common.js';

/** Server parameters: the name is the last segment of an ARM child name, values compare lower-cased. */
function configurationKind(
  kind: string,
  collection: string,
  terraform: string[],
  arm: string[],
): KindDefinition {
  return {
    kind,
    collection,
    fields: { name: 'string', value: 'string' },
    sources: [
      {
        family: 'terraform',
        types: terraform,
        fields: { name: { path: 'name', map: lowerCase }, value: { path: 'value', map: lowerCase } },
      },
      {
        family: 'arm',
        types: arm,
        fields: {
          name: { path: 'name', map: (v) => lowerCase(lastSegment(v)) },
          value: { path: 'properties.value', map: lowerCase },
        },
      },
    ],
  };
}

function firewallKind(kind: string, collection: string, terraform: string[], arm: string[]): KindDefinition {
  return {
    kind,
    collection,
    fields: { name: 'string', startIp: 'string', endIp: 'string' },
    sources: [
      {
        family: 'terraform',
        types: terraform,
        fields: { name: 'name', startIp: 'start_ip_address', endIp: 'end_ip_address' },
      },
      {
        family: 'arm',
        types: arm,
        fields: { name: 'name', startIp: 'properties.startIpAddress', endIp: 'properties.endIpAddress' },
      },
    ],
  };
}

/** Single servers (azurerm_postgresql_server, azurerm_mysql_server) share their shape. */
function singleServerKind(kind: string, collection: string, terraform: string, arm: string): KindDefinition {
  return {
    kind,
    collection,
    identity: ['name'],
    fields: {
      name: 'string',
      sslEnforcement: 'bool',
      minTlsVersion: 'string',
      publicNetworkAccess: 'bool',
      geoRedundantBackup: 'bool',
    },
    sources: [
      {
        family: 'terraform',
        types: [terraform],
        fields: {
          name: 'name',
          // 3.x: ssl_enforcement_enabled (required); 2.x: ssl_enforcement = "Enabled" | "Disabled".
          sslEnforcement: { path: ['ssl_enforcement_enabled', 'ssl_enforcement'], map: enabledFlag },
          minTlsVersion: { path: 'ssl_minimal_tls_version_enforced', default: 'TLS1_2' },
          publicNetworkAccess: { path: 'public_network_access_enabled', default: true },
          geoRedundantBackup: { path: 'geo_redundant_backup_enabled', default: false },
        },
      },
      {
        family: 'arm',
        types: [arm],
        fields: {
          name: 'name',
          sslEnforcement: { path: 'properties.sslEnforcement', default: true, map: enabledFlag },
          minTlsVersion: 'properties.minimalTlsVersion',
          publicNetworkAccess: {
            path: 'properties.publicNetworkAccess',
            default: true,
            map: publicAccessFlag,
          },
          geoRedundantBackup: {
            path: 'properties.storageProfile.geoRedundantBackup',
            default: false,
            map: enabledFlag,
          },
        },
      },
    ],
  };
}

function flexibleServerKind(
  kind: string,
  collection: string,
  terraform: string,
  arm: string,
): KindDefinition {
  return {
    kind,
    collection,
    identity: ['name'],
    fields: {
      name: 'string',
      publicNetworkAccess: 'bool',
      delegatedSubnet: 'string',
      geoRedundantBackup: 'bool',
    },
    sources: [
      {
        family: 'terraform',
        types: [terraform],
        fields: {
          name: 'name',
          publicNetworkAccess: { path: 'public_network_access_enabled', default: true },
          delegatedSubnet: 'delegated_subnet_id',
          geoRedundantBackup: { path: 'geo_redundant_backup_enabled', default: false },
        },
      },
      {
        family: 'arm',
        types: [arm],
        fields: {
          name: 'name',
          publicNetworkAccess: {
            path: 'properties.network.publicNetworkAccess',
            default: true,
            map: publicAccessFlag,
          },
          delegatedSubnet: 'properties.network.delegatedSubnetResourceId',
          geoRedundantBackup: {
            path: 'properties.backup.geoRedundantBackup',
            default: false,
            map: enabledFlag,
          },
        },
      },
    ],
  };
}

/** Azure Database for PostgreSQL and MySQL: single and flexible servers, parameters, firewall rules. */
export const OPEN_SOURCE_DATABASE_KINDS: KindDefinition[] = [
  singleServerKind(
    'azure.postgresql.server',
    'azure.postgresql.servers',
    'azurerm_postgresql_server',
    'Microsoft.DBforPostgreSQL/servers',
  ),
  flexibleServerKind(
    'azure.postgresql.flexibleServer',
    'azure.postgresql.flexibleServers',
    'azurerm_postgresql_flexible_server',
    'Microsoft.DBforPostgreSQL/flexibleServers',
  ),
  configurationKind(
    'azure.postgresql.configuration',
    'azure.postgresql.configurations',
    ['azurerm_postgresql_configuration', 'azurerm_postgresql_flexible_server_configuration'],
    [
      'Microsoft.DBforPostgreSQL/servers/configurations',
      'Microsoft.DBforPostgreSQL/flexibleServers/configurations',
    ],
  ),
  firewallKind(
    'azure.postgresql.firewallRule',
    'azure.postgresql.firewallRules',
    ['azurerm_postgresql_firewall_rule', 'azurerm_postgresql_flexible_server_firewall_rule'],
    [
      'Microsoft.DBforPostgreSQL/servers/firewallRules',
      'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules',
    ],
  ),
  singleServerKind(
    'azure.mysql.server',
    'azure.mysql.servers',
    'azurerm_mysql_server',
    'Microsoft.DBforMySQL/servers',
  ),
  flexibleServerKind(
    'azure.mysql.flexibleServer',
    'azure.mysql.flexibleServers',
    'azurerm_mysql_flexible_server',
    'Microsoft.DBforMySQL/flexibleServers',
  ),
  configurationKind(
    'azure.mysql.configuration',
    'azure.mysql.configurations',
    ['azurerm_mysql_configuration', 'azurerm_mysql_flexible_server_configuration'],
    ['Microsoft.DBforMySQL/servers/configurations', 'Microsoft.DBforMySQL/flexibleServers/configurations'],
  ),
  firewallKind(
    'azure.mysql.firewallRule',
    'azure.mysql.firewallRules',
    ['azurerm_mysql_firewall_rule', 'azurerm_mysql_flexible_server_firewall_rule'],
    ['Microsoft.DBforMySQL/servers/firewallRules', 'Microsoft.DBforMySQL/flexibleServers/firewallRules'],
  ),
];

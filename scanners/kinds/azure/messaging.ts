import type { KindDefinition } from '../../model/kinds.js';
import { negated, publicAccessFlag } from './common.js';

/** Event Hubs and Service Bus namespaces share their shape. */
function namespaceKind(
  service: 'eventhub' | 'servicebus',
  terraform: string,
  networkBlock: string,
  arm: string,
): KindDefinition {
  return {
    kind: `azure.${service}.namespace`,
    collection: `azure.${service}.namespaces`,
    identity: ['name'],
    fields: {
      name: 'string',
      minTlsVersion: 'string',
      publicNetworkAccess: 'bool',
      'network.defaultAction': 'string',
      localAuthentication: 'bool',
    },
    sources: [
      {
        family: 'terraform',
        types: [terraform],
        fields: {
          name: 'name',
          minTlsVersion: { path: 'minimum_tls_version', default: '1.2' },
          publicNetworkAccess: {
            path: ['public_network_access_enabled', `${networkBlock}.public_network_access_enabled`],
            default: true,
          },
          'network.defaultAction': { path: `${networkBlock}.default_action`, default: 'Allow' },
          localAuthentication: { path: 'local_authentication_enabled', default: true },
        },
      },
      {
        family: 'arm',
        types: [arm],
        fields: {
          name: 'name',
          // No documented API default: only an explicit value is judged.
          minTlsVersion: 'properties.minimumTlsVersion',
          publicNetworkAccess: {
            path: 'properties.publicNetworkAccess',
            default: true,
            map: publicAccessFlag,
          },
          // Network rule sets are a child resource in ARM; without one every network may connect.
          'network.defaultAction': { path: [], default: 'Allow' },
          localAuthentication: { path: 'properties.disableLocalAuth', default: true, map: negated },
        },
      },
    ],
    attachments: [
      {
        family: 'arm',
        types: [`${arm}/networkRuleSets`],
        via: '$ancestors',
        fields: { 'network.defaultAction': { path: 'properties.defaultAction', default: 'Allow' } },
      },
    ],
  };
}

/** Redis caches and their firewall rules, Event Hubs and Service Bus namespaces. */
export const MESSAGING_KINDS: KindDefinition[] = [
  {
    kind: 'azure.redis.cache',
    collection: 'azure.redis.caches',
    fields: { name: 'string', nonSslPort: 'bool', minTlsVersion: 'string', publicNetworkAccess: 'bool' },
    sources: [
      {
        family: 'terraform',
        types: ['azurerm_redis_cache'],
        fields: {
          name: 'name',
          nonSslPort: { path: ['non_ssl_port_enabled', 'enable_non_ssl_port'], default: false },
          minTlsVersion: { path: 'minimum_tls_version', default: '1.2' },
          publicNetworkAccess: { path: 'public_network_access_enabled', default: true },
        },
      },
      {
        family: 'arm',
        types: ['Microsoft.Cache/redis', 'Microsoft.Cache/Redis'],
        fields: {
          name: 'name',
          nonSslPort: { path: 'properties.enableNonSslPort', default: false },
          minTlsVersion: 'properties.minimumTlsVersion',
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
    kind: 'azure.redis.firewallRule',
    collection: 'azure.redis.firewallRules',
    fields: { name: 'string', startIp: 'string', endIp: 'string' },
    sources: [
      {
        family: 'terraform',
        types: ['azurerm_redis_firewall_rule'],
        fields: { name: 'name', startIp: 'start_ip', endIp: 'end_ip' },
      },
      {
        family: 'arm',
        types: ['Microsoft.Cache/redis/firewallRules', 'Microsoft.Cache/Redis/firewallRules'],
        fields: { name: 'name', startIp: 'properties.startIP', endIp: 'properties.endIP' },
      },
    ],
  },
  namespaceKind(
    'eventhub',
    'azurerm_eventhub_namespace',
    'network_rulesets',
    'Microsoft.EventHub/namespaces',
  ),
  namespaceKind(
    'servicebus',
    'azurerm_servicebus_namespace',
    'network_rule_set',
    'Microsoft.ServiceBus/namespaces',
  ),
];

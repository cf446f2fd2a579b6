import type { KindDefinition } from '../../model/kinds.js';
import { publicAccessFlag } from './common.js';

/** Container registries. */
export const CONTAINER_REGISTRY_KINDS: KindDefinition[] = [
  {
    kind: 'azure.containerregistry.registry',
    collection: 'azure.containerregistry.registries',
    fields: {
      name: 'string',
      adminEnabled: 'bool',
      publicNetworkAccess: 'bool',
      'network.defaultAction': 'string',
      anonymousPull: 'bool',
    },
    sources: [
      {
        family: 'terraform',
        types: ['azurerm_container_registry'],
        fields: {
          name: 'name',
          adminEnabled: { path: 'admin_enabled', default: false },
          publicNetworkAccess: { path: 'public_network_access_enabled', default: true },
          'network.defaultAction': { path: 'network_rule_set.default_action', default: 'Allow' },
          anonymousPull: { path: 'anonymous_pull_enabled', default: false },
        },
      },
      {
        family: 'arm',
        types: ['Microsoft.ContainerRegistry/registries'],
        fields: {
          name: 'name',
          adminEnabled: { path: 'properties.adminUserEnabled', default: false },
          publicNetworkAccess: {
            path: 'properties.publicNetworkAccess',
            default: true,
            map: publicAccessFlag,
          },
          'network.defaultAction': { path: 'properties.networkRuleSet.defaultAction', default: 'Allow' },
          anonymousPull: { path: 'properties.anonymousPullEnabled', default: false },
        },
      },
    ],
  },
];

import type { KindDefinition } from '../../model/kinds.js';

/** Activity log profiles (the legacy export of the subscription's activity log). */
export const MONITOR_KINDS: KindDefinition[] = [
  {
    kind: 'azure.monitor.logProfile',
    collection: 'azure.monitor.logProfiles',
    fields: { name: 'string', retentionEnabled: 'bool', retentionDays: 'number', categories: 'list' },
    sources: [
      {
        family: 'terraform',
        types: ['azurerm_monitor_log_profile'],
        fields: {
          name: 'name',
          retentionEnabled: { path: 'retention_policy.enabled', default: false },
          retentionDays: { path: 'retention_policy.days', default: 0 },
          categories: 'categories',
        },
      },
      {
        family: 'arm',
        types: ['Microsoft.Insights/logprofiles'],
        fields: {
          name: 'name',
          retentionEnabled: { path: 'properties.retentionPolicy.enabled', default: false },
          retentionDays: { path: 'properties.retentionPolicy.days', default: 0 },
          categories: 'properties.categories',
        },
      },
    ],
  },
];

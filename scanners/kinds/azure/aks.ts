import type { KindDefinition } from '../../model/kinds.js';
import { configured } from './common.js';

/** AKS clusters. */
export const AKS_KINDS: KindDefinition[] = [
  {
    kind: 'azure.aks.cluster',
    collection: 'azure.aks.clusters',
    fields: {
      name: 'string',
      rbacEnabled: 'bool',
      aadIntegration: 'bool',
      networkPolicy: 'string',
      privateCluster: 'bool',
      authorizedIpRanges: 'list',
      localAccountsDisabled: 'bool',
      azurePolicy: 'bool',
      hostEncryption: 'bool',
    },
    sources: [
      {
        family: 'terraform',
        types: ['azurerm_kubernetes_cluster'],
        fields: {
          name: 'name',
          rbacEnabled: {
            path: ['role_based_access_control_enabled', 'role_based_access_control.enabled'],
            default: true,
          },
          aadIntegration: {
            path: [
              'azure_active_directory_role_based_access_control',
              'role_based_access_control.azure_active_directory',
            ],
            default: false,
            map: configured,
          },
          networkPolicy: 'network_profile.network_policy',
          privateCluster: { path: 'private_cluster_enabled', default: false },
          authorizedIpRanges: {
            path: ['api_server_access_profile.authorized_ip_ranges', 'api_server_authorized_ip_ranges'],
          },
          localAccountsDisabled: { path: 'local_account_disabled', default: false },
          azurePolicy: {
            path: ['azure_policy_enabled', 'addon_profile.azure_policy.enabled'],
            default: false,
          },
          hostEncryption: {
            path: ['default_node_pool.host_encryption_enabled', 'default_node_pool.enable_host_encryption'],
            default: false,
          },
        },
      },
      {
        family: 'arm',
        types: ['Microsoft.ContainerService/managedClusters'],
        fields: {
          name: 'name',
          rbacEnabled: { path: 'properties.enableRBAC', default: true },
          aadIntegration: { path: 'properties.aadProfile', default: false, map: configured },
          networkPolicy: 'properties.networkProfile.networkPolicy',
          privateCluster: { path: 'properties.apiServerAccessProfile.enablePrivateCluster', default: false },
          authorizedIpRanges: 'properties.apiServerAccessProfile.authorizedIPRanges',
          localAccountsDisabled: { path: 'properties.disableLocalAccounts', default: false },
          azurePolicy: { path: 'properties.addonProfiles.azurepolicy.enabled', default: false },
          hostEncryption: { path: 'properties.agentPoolProfiles.0.enableEncryptionAtHost', default: false },
        },
      },
    ],
  },
];

import type { KindDefinition } from '../../model/kinds.js';

export const GKE_KINDS: KindDefinition[] = [
  {
    kind: 'google.gke.cluster',
    collection: 'google.gke.clusters',
    fields: {
      legacyAbac: 'bool',
      privateNodes: 'bool',
      workloadIdentityPool: 'string',
      networkPolicy: 'bool',
      datapathProvider: 'string',
      autopilot: 'bool',
      masterAuthorizedNetworks: 'present',
      issueClientCertificate: 'bool',
      loggingService: 'string',
      monitoringService: 'string',
      shieldedNodes: 'bool',
    },
    sources: [
      {
        family: 'terraform',
        types: ['google_container_cluster'],
        fields: {
          legacyAbac: { path: 'enable_legacy_abac', default: false },
          privateNodes: { path: 'private_cluster_config.enable_private_nodes', default: false },
          workloadIdentityPool: 'workload_identity_config.workload_pool',
          networkPolicy: { path: 'network_policy.enabled', default: false },
          datapathProvider: { path: 'datapath_provider', default: 'LEGACY_DATAPATH' },
          autopilot: { path: 'enable_autopilot', default: false },
          masterAuthorizedNetworks: 'master_authorized_networks_config',
          issueClientCertificate: {
            path: 'master_auth.client_certificate_config.issue_client_certificate',
            default: false,
          },
          loggingService: { path: 'logging_service', default: 'logging.googleapis.com/kubernetes' },
          monitoringService: { path: 'monitoring_service', default: 'monitoring.googleapis.com/kubernetes' },
          shieldedNodes: { path: 'enable_shielded_nodes', default: true },
        },
      },
    ],
  },
  {
    kind: 'google.gke.nodePool',
    collection: 'google.gke.nodePools',
    fields: { autoRepair: 'bool', autoUpgrade: 'bool', secureBoot: 'bool', imageType: 'string' },
    sources: [
      {
        family: 'terraform',
        types: ['google_container_node_pool'],
        fields: {
          autoRepair: { path: 'management.auto_repair', default: true },
          autoUpgrade: { path: 'management.auto_upgrade', default: true },
          secureBoot: { path: 'node_config.shielded_instance_config.enable_secure_boot', default: false },
          imageType: 'node_config.image_type',
        },
      },
    ],
  },
];

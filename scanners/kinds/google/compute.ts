import type { KindDefinition } from '../../model/kinds.js';

/** GCE metadata values are strings; "TRUE", "true" and "1" all switch a feature on. */
const metadataFlag = (value: unknown) => ['true', '1', 'yes'].includes(String(value).toLowerCase());

export const COMPUTE_KINDS: KindDefinition[] = [
  {
    kind: 'google.compute.instance',
    collection: 'google.compute.instances',
    fields: {
      name: 'string',
      serialPortEnabled: 'bool',
      osLoginEnabled: 'bool',
      blockProjectSshKeys: 'bool',
      canIpForward: 'bool',
      publicIp: 'present',
      serviceAccountEmail: 'string',
      serviceAccountScopes: 'list',
      secureBoot: 'bool',
      vtpm: 'bool',
      integrityMonitoring: 'bool',
    },
    sources: [
      {
        family: 'terraform',
        types: [
          'google_compute_instance',
          'google_compute_instance_template',
          'google_compute_region_instance_template',
        ],
        fields: {
          name: 'name',
          serialPortEnabled: { path: 'metadata.serial-port-enable', default: false, map: metadataFlag },
          // Unset, an instance inherits the project's setting, which the instance cannot show.
          osLoginEnabled: { path: 'metadata.enable-oslogin', map: metadataFlag },
          blockProjectSshKeys: { path: 'metadata.block-project-ssh-keys', default: false, map: metadataFlag },
          canIpForward: { path: 'can_ip_forward', default: false },
          publicIp: 'network_interface.access_config',
          serviceAccountEmail: 'service_account.email',
          serviceAccountScopes: 'service_account.scopes',
          secureBoot: { path: 'shielded_instance_config.enable_secure_boot', default: false },
          vtpm: { path: 'shielded_instance_config.enable_vtpm', default: true },
          integrityMonitoring: {
            path: 'shielded_instance_config.enable_integrity_monitoring',
            default: true,
          },
        },
      },
    ],
  },
  {
    kind: 'google.compute.firewall',
    collection: 'google.compute.firewalls',
    fields: {
      direction: 'string',
      sourceRanges: 'list',
      disabled: 'bool',
      logging: 'present',
      network: 'string',
    },
    children: { allow: { protocol: 'string', ports: 'list' } },
    sources: [
      {
        family: 'terraform',
        types: ['google_compute_firewall'],
        fields: {
          direction: { path: 'direction', default: 'INGRESS' },
          sourceRanges: 'source_ranges',
          disabled: { path: 'disabled', default: false },
          logging: 'log_config',
          network: 'network',
        },
        children: { allow: { path: 'allow', fields: { protocol: 'protocol', ports: 'ports' } } },
      },
    ],
  },
  {
    kind: 'google.compute.network',
    collection: 'google.compute.networks',
    fields: { autoCreateSubnetworks: 'bool' },
    sources: [
      {
        family: 'terraform',
        types: ['google_compute_network'],
        fields: { autoCreateSubnetworks: { path: 'auto_create_subnetworks', default: true } },
      },
    ],
  },
  {
    kind: 'google.compute.subnetwork',
    collection: 'google.compute.subnetworks',
    fields: { flowLogs: 'present', privateGoogleAccess: 'bool', purpose: 'string' },
    sources: [
      {
        family: 'terraform',
        types: ['google_compute_subnetwork'],
        fields: {
          flowLogs: 'log_config',
          privateGoogleAccess: { path: 'private_ip_google_access', default: false },
          purpose: { path: 'purpose', default: 'PRIVATE' },
        },
      },
    ],
  },
  {
    kind: 'google.compute.sslPolicy',
    collection: 'google.compute.sslPolicies',
    fields: { minTlsVersion: 'string', profile: 'string' },
    sources: [
      {
        family: 'terraform',
        types: ['google_compute_ssl_policy', 'google_compute_region_ssl_policy'],
        fields: {
          minTlsVersion: { path: 'min_tls_version', default: 'TLS_1_0' },
          profile: { path: 'profile', default: 'COMPATIBLE' },
        },
      },
    ],
  },
  {
    kind: 'google.project.project',
    collection: 'google.project.projects',
    fields: { autoCreateNetwork: 'bool' },
    sources: [
      {
        family: 'terraform',
        types: ['google_project'],
        fields: { autoCreateNetwork: { path: 'auto_create_network', default: true } },
      },
    ],
  },
];

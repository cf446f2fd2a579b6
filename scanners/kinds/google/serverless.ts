import type { KindDefinition } from '../../model/kinds.js';

export const SERVERLESS_KINDS: KindDefinition[] = [
  {
    kind: 'google.functions.function',
    collection: 'google.functions.functions',
    fields: { ingress: 'string', httpsTrigger: 'bool', httpsSecurityLevel: 'string' },
    sources: [
      {
        family: 'terraform',
        types: ['google_cloudfunctions_function'],
        fields: {
          ingress: { path: 'ingress_settings', default: 'ALLOW_ALL' },
          httpsTrigger: { path: 'trigger_http', default: false },
          httpsSecurityLevel: { path: 'https_trigger_security_level', default: 'SECURE_OPTIONAL' },
        },
      },
      {
        family: 'terraform',
        types: ['google_cloudfunctions2_function'],
        fields: {
          ingress: { path: 'service_config.ingress_settings', default: 'ALLOW_ALL' },
          // Second-generation functions serve HTTPS only.
          httpsTrigger: { path: 'service_config', default: false, map: () => false },
          httpsSecurityLevel: {
            path: 'service_config',
            default: 'SECURE_ALWAYS',
            map: () => 'SECURE_ALWAYS',
          },
        },
      },
    ],
  },
  {
    kind: 'google.run.service',
    collection: 'google.run.services',
    fields: { ingress: 'string' },
    sources: [
      {
        family: 'terraform',
        types: ['google_cloud_run_v2_service'],
        fields: { ingress: { path: 'ingress', default: 'INGRESS_TRAFFIC_ALL' } },
      },
    ],
  },
];

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-REDIS-001',
  title: 'Redis cache enables the non-TLS port',
  severity: 'high',
  severityRationale:
    'Clients can talk to the cache in clear text on port 6379, exposing the access key and cached data.',
  category: 'iac',
  description: 'The unencrypted Redis port (6379) is enabled on the cache.',
  cwe: ['CWE-319'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'DP-3',
    },
  ],
  remediation:
    'Set non_ssl_port_enabled = false (azurerm 4.x; enable_non_ssl_port in 3.x) or enableNonSslPort: false (ARM).',
  tags: ['azure', 'redis', 'encryption-in-transit'],
  formats: ['terraform', 'arm'],
  resources: 'azure.redis.caches',
  when: {
    attribute: 'nonSslPort',
    equals: true,
  },
  message: 'Redis cache {address} accepts unencrypted connections on port 6379.',
});

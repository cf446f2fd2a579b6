import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-REDIS-003',
  title: 'Redis cache allows public network access',
  severity: 'medium',
  severityRationale: 'The cache endpoint is reachable from the internet; the access key is still required.',
  category: 'iac',
  description: 'Public network access is enabled on the Redis cache.',
  cwe: ['CWE-284'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'NS-2',
    },
  ],
  remediation:
    'Set public_network_access_enabled = false (Terraform) or publicNetworkAccess: "Disabled" (ARM) and use a private endpoint or VNet injection.',
  tags: ['azure', 'redis', 'network', 'internet-exposed'],
  formats: ['terraform', 'arm'],
  resources: 'azure.redis.caches',
  when: {
    attribute: 'publicNetworkAccess',
    equals: true,
  },
  message: 'Redis cache {address} allows public network access.',
});

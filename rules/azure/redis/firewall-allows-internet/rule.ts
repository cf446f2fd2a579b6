import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-REDIS-004',
  title: 'Redis cache firewall rule allows the whole internet',
  severity: 'high',
  severityRationale: 'Every internet address can reach the cache; only the access key stands in the way.',
  category: 'iac',
  description: 'A Redis firewall rule opens the cache to every IPv4 address.',
  cwe: ['CWE-284'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'NS-2',
    },
  ],
  remediation:
    'Delete the rule and allow only the client ranges that need the cache, or use a private endpoint.',
  tags: ['azure', 'redis', 'network', 'firewall', 'internet-exposed'],
  formats: ['terraform', 'arm'],
  resources: 'azure.redis.firewallRules',
  when: {
    all: [
      {
        attribute: 'startIp',
        equals: '0.0.0.0',
      },
      {
        attribute: 'endIp',
        equals: '255.255.255.255',
      },
    ],
  },
  message: 'Redis firewall rule {address} allows every internet address.',
});

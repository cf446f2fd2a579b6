import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-REDIS-002',
  title: 'Redis cache accepts TLS versions older than 1.2',
  severity: 'medium',
  severityRationale: 'Old TLS versions have known weaknesses; exploiting them needs a network position.',
  category: 'iac',
  description: "The Redis cache's minimum TLS version is 1.0 or 1.1.",
  cwe: ['CWE-326'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'DP-3',
    },
  ],
  remediation: 'Set minimum_tls_version = "1.2" (Terraform) or minimumTlsVersion: "1.2" (ARM).',
  tags: ['azure', 'redis', 'tls', 'encryption-in-transit'],
  formats: ['terraform', 'arm'],
  resources: 'azure.redis.caches',
  when: {
    attribute: 'minTlsVersion',
    in: ['1.0', '1.1'],
  },
  message: 'Redis cache {address} accepts TLS versions older than 1.2.',
});

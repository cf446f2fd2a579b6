import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-MYSQL-002',
  title: 'MySQL single server accepts TLS versions older than 1.2',
  severity: 'medium',
  severityRationale: 'Old TLS versions have known weaknesses; exploiting them needs a network position.',
  category: 'iac',
  description: "The MySQL single server's minimal TLS version is below 1.2, or TLS enforcement is disabled.",
  cwe: ['CWE-326'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'DP-3',
    },
  ],
  remediation: 'Set ssl_minimal_tls_version_enforced / minimalTlsVersion to TLS1_2.',
  tags: ['azure', 'mysql', 'tls', 'encryption-in-transit'],
  formats: ['terraform', 'arm'],
  resources: 'azure.mysql.servers',
  when: {
    attribute: 'minTlsVersion',
    in: ['TLS1_0', 'TLS1_1', 'TLSEnforcementDisabled'],
  },
  message: 'MySQL server {address} accepts TLS versions older than 1.2.',
});

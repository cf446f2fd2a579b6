import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-POSTGRESQL-010',
  title: 'PostgreSQL flexible server accepts TLS versions older than 1.2',
  severity: 'medium',
  severityRationale: 'Old TLS versions have known weaknesses; exploiting them needs a network position.',
  category: 'iac',
  description: 'The ssl_min_protocol_version parameter allows TLS 1.0 or 1.1.',
  cwe: ['CWE-326'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'DP-3',
    },
  ],
  remediation: 'Set ssl_min_protocol_version to TLSv1.2 (the default) or TLSv1.3.',
  tags: ['azure', 'postgresql', 'tls', 'encryption-in-transit'],
  formats: ['terraform', 'arm'],
  resources: 'azure.postgresql.configurations',
  when: {
    all: [
      {
        attribute: 'value',
        in: ['tlsv1', 'tlsv1.1'],
      },
      {
        attribute: 'name',
        in: ['ssl_min_protocol_version'],
      },
    ],
  },
  message: 'PostgreSQL parameter {address} accepts TLS versions older than 1.2.',
});

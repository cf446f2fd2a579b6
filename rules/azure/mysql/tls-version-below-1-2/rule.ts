import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-MYSQL-008',
  title: 'MySQL flexible server accepts TLS versions older than 1.2',
  severity: 'medium',
  severityRationale: 'Old TLS versions have known weaknesses; exploiting them needs a network position.',
  category: 'iac',
  description: 'The tls_version parameter allows TLS 1.0 or 1.1.',
  cwe: ['CWE-326'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'DP-3',
    },
  ],
  remediation: 'Set tls_version to TLSv1.2 (the default), or TLSv1.2,TLSv1.3.',
  tags: ['azure', 'mysql', 'tls', 'encryption-in-transit'],
  formats: ['terraform', 'arm'],
  resources: 'azure.mysql.configurations',
  when: {
    all: [
      {
        attribute: 'value',
        in: ['tlsv1', 'tlsv1.1', 'tlsv1,tlsv1.1', 'tlsv1,tlsv1.1,tlsv1.2', 'tlsv1.1,tlsv1.2'],
      },
      {
        attribute: 'name',
        in: ['tls_version'],
      },
    ],
  },
  message: 'MySQL parameter {address} accepts TLS versions older than 1.2.',
});

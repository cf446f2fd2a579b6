import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-POSTGRESQL-009',
  title: 'PostgreSQL flexible server does not require secure transport',
  severity: 'high',
  severityRationale: 'Clients may connect without TLS, exposing credentials and data on the network.',
  category: 'iac',
  description: 'The require_secure_transport parameter of the flexible server is off.',
  cwe: ['CWE-319'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'DP-3',
    },
  ],
  remediation: 'Leave require_secure_transport on (the default).',
  tags: ['azure', 'postgresql', 'encryption-in-transit'],
  formats: ['terraform', 'arm'],
  resources: 'azure.postgresql.configurations',
  when: {
    all: [
      {
        attribute: 'value',
        in: ['off', '0', 'false'],
      },
      {
        attribute: 'name',
        in: ['require_secure_transport'],
      },
    ],
  },
  message: 'PostgreSQL parameter {address} lets clients connect without TLS.',
});

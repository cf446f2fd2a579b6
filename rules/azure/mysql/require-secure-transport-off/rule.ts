import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-MYSQL-007',
  title: 'MySQL flexible server does not require secure transport',
  severity: 'high',
  severityRationale: 'Clients may connect without TLS, exposing credentials and data on the network.',
  category: 'iac',
  description: 'The require_secure_transport parameter of the flexible server is OFF.',
  cwe: ['CWE-319'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'DP-3',
    },
  ],
  remediation: 'Leave require_secure_transport ON (the default).',
  tags: ['azure', 'mysql', 'encryption-in-transit'],
  formats: ['terraform', 'arm'],
  resources: 'azure.mysql.configurations',
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
  message: 'MySQL parameter {address} lets clients connect without TLS.',
});

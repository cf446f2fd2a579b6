import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-POSTGRESQL-012',
  title: 'PostgreSQL server keeps its logs 3 days or less',
  severity: 'low',
  severityRationale: 'Server logs disappear before most incidents are investigated; no exposure by itself.',
  category: 'iac',
  description: 'The log_retention_days server parameter is set to 3 days or fewer.',
  cwe: ['CWE-779'],
  benchmarks: [
    {
      framework: 'CIS Microsoft Azure Foundations Benchmark',
      version: '1.3.0',
      control: '4.3.7',
    },
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'LT-6',
    },
  ],
  remediation:
    'Set log_retention_days to 4 or more (up to 7), and export logs with a diagnostic setting for longer retention.',
  tags: ['azure', 'postgresql', 'logging'],
  formats: ['terraform', 'arm'],
  resources: 'azure.postgresql.configurations',
  when: {
    all: [
      {
        attribute: 'value',
        in: ['1', '2', '3'],
      },
      {
        attribute: 'name',
        in: ['log_retention_days'],
      },
    ],
  },
  message: 'PostgreSQL parameter {address} keeps server logs 3 days or less.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-POSTGRESQL-011',
  title: 'PostgreSQL server parameter log_connections is off',
  severity: 'low',
  severityRationale: 'Less evidence about who connected; no exposure by itself.',
  category: 'iac',
  description:
    'The log_connections server parameter is turned off, so successful connections are not logged.',
  cwe: ['CWE-778'],
  benchmarks: [
    {
      framework: 'CIS Microsoft Azure Foundations Benchmark',
      version: '1.3.0',
      control: '4.3.4',
    },
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'LT-3',
    },
  ],
  remediation: 'Leave log_connections at its default (on), or set it to on.',
  tags: ['azure', 'postgresql', 'logging'],
  formats: ['terraform', 'arm'],
  resources: 'azure.postgresql.configurations',
  when: {
    all: [
      {
        attribute: 'value',
        in: ['off'],
      },
      {
        attribute: 'name',
        in: ['log_connections'],
      },
    ],
  },
  message: 'PostgreSQL parameter {address} turns log_connections off.',
});

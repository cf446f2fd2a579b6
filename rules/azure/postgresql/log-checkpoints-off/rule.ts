import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-POSTGRESQL-007',
  title: 'PostgreSQL server parameter log_checkpoints is off',
  severity: 'low',
  severityRationale: 'Less diagnostic logging; no exposure by itself.',
  category: 'iac',
  description: 'The log_checkpoints server parameter is turned off.',
  cwe: ['CWE-778'],
  benchmarks: [
    {
      framework: 'CIS Microsoft Azure Foundations Benchmark',
      version: '1.3.0',
      control: '4.3.3',
    },
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'LT-3',
    },
  ],
  remediation: 'Leave log_checkpoints at its default (on), or set it to on.',
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
        in: ['log_checkpoints'],
      },
    ],
  },
  message: 'PostgreSQL parameter {address} turns log_checkpoints off.',
});

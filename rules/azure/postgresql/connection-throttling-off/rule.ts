import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-POSTGRESQL-008',
  title: 'PostgreSQL connection throttling is turned off',
  severity: 'low',
  severityRationale: 'Makes brute force and connection floods easier; does not open access by itself.',
  category: 'iac',
  description:
    'The connection_throttling (single server) or connection_throttle.enable (flexible server) parameter is off.',
  cwe: ['CWE-307'],
  benchmarks: [
    {
      framework: 'CIS Microsoft Azure Foundations Benchmark',
      version: '1.3.0',
      control: '4.3.6',
    },
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'LT-3',
    },
  ],
  remediation:
    'Leave connection_throttling on (the single-server default) or turn connection_throttle.enable on for flexible servers.',
  tags: ['azure', 'postgresql', 'brute-force'],
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
        in: ['connection_throttling', 'connection_throttle.enable'],
      },
    ],
  },
  message: 'PostgreSQL parameter {address} turns connection throttling off.',
});

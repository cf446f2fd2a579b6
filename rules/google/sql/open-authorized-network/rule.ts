import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-SQL-002',
  title: 'Cloud SQL instance authorizes connections from any address',
  severity: 'critical',
  severityRationale: 'The database listener accepts connections from the whole internet.',
  category: 'iac',
  description:
    'An authorized network of the instance is 0.0.0.0/0 (or another range that covers the whole internet).',
  cwe: ['CWE-284'],
  benchmarks: [{ framework: 'CIS Google Cloud Platform Foundation', version: '2.0.0', control: '6.5' }],
  remediation:
    'Remove the 0.0.0.0/0 authorized network; list only the ranges that need access, or use private IP.',
  tags: ['gcp', 'sql', 'internet-exposed'],
  formats: ['terraform'],
  resources: 'google.sql.instances',
  when: {
    connection: 'authorizedNetworks',
    some: { attribute: 'value', in: ['0.0.0.0/0', '0.0.0.0/1', '128.0.0.0/1', '::/0'] },
  },
  message: 'Cloud SQL instance {address} accepts connections from the whole internet.',
});

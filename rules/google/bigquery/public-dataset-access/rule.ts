import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-BIGQUERY-002',
  title: 'BigQuery dataset access list makes it public',
  severity: 'high',
  severityRationale: 'Every table of the dataset is readable by anyone with a Google account.',
  category: 'iac',
  description:
    'An access block of the dataset grants a role to the special group allAuthenticatedUsers, or to allUsers.',
  cwe: ['CWE-284'],
  benchmarks: [{ framework: 'CIS Google Cloud Platform Foundation', version: '2.0.0', control: '7.1' }],
  remediation: 'Remove access entries for allAuthenticatedUsers and allUsers; grant to named groups.',
  tags: ['gcp', 'bigquery', 'internet-exposed'],
  formats: ['terraform'],
  resources: 'google.bigquery.datasets',
  when: {
    connection: 'access',
    some: {
      any: [
        { attribute: 'specialGroup', equals: 'allAuthenticatedUsers' },
        { attribute: 'iamMember', in: ['allUsers', 'allAuthenticatedUsers'] },
      ],
    },
  },
  message: 'Dataset {address} is shared with everyone.',
});

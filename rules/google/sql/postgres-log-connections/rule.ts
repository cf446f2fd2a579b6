import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-SQL-009',
  title: 'Cloud SQL PostgreSQL instance turns off connection logging',
  severity: 'low',
  severityRationale: 'Missing connection logs leave an investigation blind, but open nothing.',
  category: 'iac',
  description: 'log_connections is off, so successful connections are not logged.',
  cwe: ['CWE-16'],
  remediation: 'Set the database flag log_connections to on.',
  tags: ['gcp', 'sql'],
  formats: ['terraform'],
  resources: 'google.sql.instances',
  when: {
    all: [
      {
        connection: 'flags',
        some: {
          all: [
            { attribute: 'value', in: ['off', 'OFF'] },
            { attribute: 'name', equals: 'log_connections' },
          ],
        },
      },
      { attribute: 'databaseVersion', matches: '^POSTGRES' },
    ],
  },
  message: 'Cloud SQL instance {address} sets log_connections to an unsafe value.',
});

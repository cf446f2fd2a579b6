import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-SQL-008',
  title: 'Cloud SQL SQL Server instance enables cross-database ownership chaining',
  severity: 'medium',
  severityRationale: 'Ownership chaining across databases lets one database owner reach objects in another.',
  category: 'iac',
  description: 'Cross-database ownership chaining is on for the whole instance.',
  cwe: ['CWE-16'],
  remediation: 'Set the database flag cross db ownership chaining to off.',
  tags: ['gcp', 'sql'],
  formats: ['terraform'],
  resources: 'google.sql.instances',
  when: {
    all: [
      {
        connection: 'flags',
        some: {
          all: [
            { attribute: 'value', in: ['on', 'ON'] },
            { attribute: 'name', equals: 'cross db ownership chaining' },
          ],
        },
      },
      { attribute: 'databaseVersion', matches: '^SQLSERVER' },
    ],
  },
  message: 'Cloud SQL instance {address} sets cross db ownership chaining to an unsafe value.',
});

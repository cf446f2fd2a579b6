import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-SQL-007',
  title: 'Cloud SQL SQL Server instance enables contained database authentication',
  severity: 'medium',
  severityRationale: 'Contained databases hold their own users, which bypass server-level login policy.',
  category: 'iac',
  description:
    'Contained database authentication is on, so users defined inside a database can connect without a server login.',
  cwe: ['CWE-16'],
  remediation: 'Set the database flag contained database authentication to off.',
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
            { attribute: 'name', equals: 'contained database authentication' },
          ],
        },
      },
      { attribute: 'databaseVersion', matches: '^SQLSERVER' },
    ],
  },
  message: 'Cloud SQL instance {address} sets contained database authentication to an unsafe value.',
});

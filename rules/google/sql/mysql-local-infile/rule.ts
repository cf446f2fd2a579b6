import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-SQL-006',
  title: 'Cloud SQL MySQL instance enables local_infile',
  severity: 'medium',
  severityRationale:
    'local_infile lets a malicious or compromised server read files from connecting clients.',
  category: 'iac',
  description:
    'The local_infile flag is on, so LOAD DATA LOCAL can make clients send local files to the server.',
  cwe: ['CWE-16'],
  benchmarks: [{ framework: 'CIS Google Cloud Platform Foundation', version: '2.0.0', control: '6.1.3' }],
  remediation: 'Set the database flag local_infile to off.',
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
            { attribute: 'name', equals: 'local_infile' },
          ],
        },
      },
      { attribute: 'databaseVersion', matches: '^MYSQL' },
    ],
  },
  message: 'Cloud SQL instance {address} sets local_infile to an unsafe value.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-SQL-001',
  title: 'Cloud SQL instance has a public IP address',
  severity: 'medium',
  severityRationale:
    'A public address puts the database listener on the internet; authorized networks and passwords are then the only barrier.',
  category: 'iac',
  description: 'IPv4 is enabled on the instance (the provider default), so it gets a public IP address.',
  cwe: ['CWE-668'],
  benchmarks: [{ framework: 'CIS Google Cloud Platform Foundation', version: '2.0.0', control: '6.6' }],
  remediation:
    'Set ipv4_enabled = false and connect through a private network (private_network) or the Cloud SQL Auth Proxy over Private Service Connect.',
  tags: ['gcp', 'sql', 'internet-exposed'],
  formats: ['terraform'],
  resources: 'google.sql.instances',
  when: { attribute: 'publicIp', equals: true },
  message: 'Cloud SQL instance {address} has a public IP address.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-POSTGRESQL-005',
  title: 'PostgreSQL firewall rule allows the whole internet',
  severity: 'high',
  severityRationale:
    'Every internet address can reach the database login; only credentials stand in the way.',
  category: 'iac',
  description: 'A PostgreSQL server firewall rule opens the server to every IPv4 address.',
  cwe: ['CWE-284'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'NS-2',
    },
  ],
  remediation: 'Delete the rule and allow only the client ranges that need access, or use private access.',
  tags: ['azure', 'postgresql', 'network', 'firewall', 'internet-exposed'],
  formats: ['terraform', 'arm'],
  resources: 'azure.postgresql.firewallRules',
  when: {
    all: [
      {
        attribute: 'startIp',
        equals: '0.0.0.0',
      },
      {
        attribute: 'endIp',
        equals: '255.255.255.255',
      },
    ],
  },
  message: 'PostgreSQL firewall rule {address} allows every internet address.',
});

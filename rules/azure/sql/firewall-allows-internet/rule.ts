import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-SQL-002',
  title: 'SQL server firewall rule allows the whole internet',
  severity: 'high',
  severityRationale:
    'Every internet address can reach the database login; only credentials stand in the way.',
  category: 'iac',
  description:
    'A server-level firewall rule opens the SQL server to every IPv4 address (0.0.0.0 to 255.255.255.255).',
  cwe: ['CWE-284'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'NS-2',
    },
  ],
  remediation: 'Delete the rule; allow only the specific client address ranges, or use private endpoints.',
  tags: ['azure', 'sql', 'network', 'firewall', 'internet-exposed'],
  formats: ['terraform', 'arm'],
  resources: 'azure.sql.firewallRules',
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
  message: 'SQL firewall rule {address} allows every internet address.',
});

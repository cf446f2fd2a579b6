import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-SQL-003',
  title: 'SQL server firewall allows access from all Azure services',
  severity: 'medium',
  severityRationale:
    "Any Azure customer's resources can reach the login endpoint; credentials are still needed.",
  category: 'iac',
  description:
    'The 0.0.0.0 firewall rule ("Allow Azure services and resources to access this server") admits connections from any Azure tenant.',
  cwe: ['CWE-284'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'NS-2',
    },
  ],
  remediation:
    'Remove the 0.0.0.0 rule and reach the server through private endpoints or virtual network rules.',
  tags: ['azure', 'sql', 'network', 'firewall'],
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
        equals: '0.0.0.0',
      },
    ],
  },
  message: 'SQL firewall rule {address} lets every Azure service, in any tenant, reach the server.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-POSTGRESQL-006',
  title: 'PostgreSQL flexible server is reachable over public access',
  severity: 'medium',
  severityRationale:
    'The server has a public endpoint filtered only by firewall rules; credentials are still needed.',
  category: 'iac',
  description:
    'The PostgreSQL flexible server uses public access instead of VNet integration or private endpoints only.',
  cwe: ['CWE-284'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'NS-2',
    },
  ],
  remediation:
    'Deploy the server into a delegated subnet (delegated_subnet_id / network.delegatedSubnetResourceId), or set public network access to disabled and use private endpoints.',
  tags: ['azure', 'postgresql', 'network', 'internet-exposed'],
  formats: ['terraform', 'arm'],
  resources: 'azure.postgresql.flexibleServers',
  when: {
    all: [
      {
        attribute: 'publicNetworkAccess',
        equals: true,
      },
      {
        attribute: 'delegatedSubnet',
        exists: false,
      },
    ],
  },
  message: 'PostgreSQL flexible server {address} is reachable through a public endpoint.',
});

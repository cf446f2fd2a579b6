import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-MYSQL-003',
  title: 'MySQL single server allows public network access',
  severity: 'medium',
  severityRationale:
    'The server endpoint is reachable wherever firewall rules allow; private access removes that surface.',
  category: 'iac',
  description: 'The MySQL single server keeps its public endpoint enabled.',
  cwe: ['CWE-284'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'NS-2',
    },
  ],
  remediation:
    'Set public_network_access_enabled = false (Terraform) or publicNetworkAccess: "Disabled" (ARM) and use private endpoints.',
  tags: ['azure', 'mysql', 'network', 'internet-exposed'],
  formats: ['terraform', 'arm'],
  resources: 'azure.mysql.servers',
  when: {
    attribute: 'publicNetworkAccess',
    equals: true,
  },
  message: 'MySQL server {address} allows public network access.',
});

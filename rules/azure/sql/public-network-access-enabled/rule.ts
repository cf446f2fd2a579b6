import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-SQL-004',
  title: 'SQL server allows public network access',
  severity: 'medium',
  severityRationale:
    'The public endpoint is reachable where firewall rules allow; a private-only server removes that surface.',
  category: 'iac',
  description: 'The SQL logical server keeps its public endpoint enabled.',
  cwe: ['CWE-284'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'NS-2',
    },
  ],
  remediation:
    'Set public_network_access_enabled = false (Terraform) or publicNetworkAccess: "Disabled" (ARM) and connect through private endpoints.',
  tags: ['azure', 'sql', 'network', 'internet-exposed'],
  formats: ['terraform', 'arm'],
  resources: 'azure.sql.servers',
  when: {
    attribute: 'publicNetworkAccess',
    equals: true,
  },
  message: 'SQL server {address} allows public network access.',
});

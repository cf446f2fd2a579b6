import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-POSTGRESQL-003',
  title: 'PostgreSQL single server allows public network access',
  severity: 'medium',
  severityRationale:
    'The server endpoint is reachable wherever firewall rules allow; private access removes that surface.',
  category: 'iac',
  description: 'The PostgreSQL single server keeps its public endpoint enabled.',
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
  tags: ['azure', 'postgresql', 'network', 'internet-exposed'],
  formats: ['terraform', 'arm'],
  resources: 'azure.postgresql.servers',
  when: {
    attribute: 'publicNetworkAccess',
    equals: true,
  },
  message: 'PostgreSQL server {address} allows public network access.',
});

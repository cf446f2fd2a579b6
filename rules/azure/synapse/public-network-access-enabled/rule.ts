import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-SYNAPSE-001',
  title: 'Synapse workspace allows public network access',
  severity: 'medium',
  severityRationale:
    'Workspace SQL and development endpoints are reachable from the internet, filtered by firewall rules.',
  category: 'iac',
  description: 'Public network access is enabled on the Synapse workspace.',
  cwe: ['CWE-284'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'NS-2',
    },
  ],
  remediation:
    'Set public_network_access_enabled = false (Terraform) or publicNetworkAccess: "Disabled" (ARM) and connect through managed private endpoints.',
  tags: ['azure', 'synapse', 'network', 'data', 'internet-exposed'],
  formats: ['terraform', 'arm'],
  resources: 'azure.synapse.workspaces',
  when: {
    attribute: 'publicNetworkAccess',
    equals: true,
  },
  message: 'Synapse workspace {address} allows public network access.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-DATAFACTORY-001',
  title: 'Data Factory allows public network access',
  severity: 'medium',
  severityRationale:
    "The factory's control and integration endpoints are reachable from the internet; credentials still apply.",
  category: 'iac',
  description: 'Public network access is enabled on the Data Factory.',
  cwe: ['CWE-284'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'NS-2',
    },
  ],
  remediation:
    'Set public_network_enabled = false (Terraform) or publicNetworkAccess: "Disabled" (ARM) and use private endpoints.',
  tags: ['azure', 'datafactory', 'network', 'data', 'internet-exposed'],
  formats: ['terraform', 'arm'],
  resources: 'azure.datafactory.factories',
  when: {
    attribute: 'publicNetworkAccess',
    equals: true,
  },
  message: 'Data Factory {address} allows public network access.',
});

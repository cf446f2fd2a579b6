import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-SQL-010',
  title: 'SQL managed instance enables its public data endpoint',
  severity: 'high',
  severityRationale:
    'The instance becomes reachable from the internet on port 3342, guarded only by NSG rules and credentials.',
  category: 'iac',
  description: 'The SQL managed instance exposes a public data endpoint.',
  cwe: ['CWE-284'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'NS-2',
    },
  ],
  remediation:
    'Set public_data_endpoint_enabled = false (Terraform) or publicDataEndpointEnabled: false (ARM).',
  tags: ['azure', 'sql', 'network', 'internet-exposed'],
  formats: ['terraform', 'arm'],
  resources: 'azure.sql.managedInstances',
  when: {
    attribute: 'publicDataEndpoint',
    equals: true,
  },
  message: 'SQL managed instance {address} exposes a public data endpoint.',
});

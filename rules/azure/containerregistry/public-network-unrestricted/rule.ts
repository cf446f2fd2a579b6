import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-CONTAINERREGISTRY-002',
  title: 'Container registry accepts connections from any network',
  severity: 'medium',
  severityRationale: 'The registry is reachable from the internet; pulls and pushes still need credentials.',
  category: 'iac',
  description: "Public network access is enabled and the network rule set's default action is Allow.",
  cwe: ['CWE-284'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'NS-2',
    },
  ],
  remediation:
    'Disable public network access and use private endpoints, or set the network rule set default action to Deny with IP rules (Premium SKU).',
  tags: ['azure', 'containerregistry', 'containers', 'network', 'internet-exposed'],
  formats: ['terraform', 'arm'],
  resources: 'azure.containerregistry.registries',
  when: {
    all: [
      {
        attribute: 'network.defaultAction',
        equals: 'Allow',
      },
      {
        attribute: 'publicNetworkAccess',
        equals: true,
      },
    ],
  },
  message: 'Container registry {address} accepts connections from any network.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-STORAGE-004',
  title: 'Storage account network rules allow access from any network',
  severity: 'medium',
  severityRationale:
    'The endpoints are reachable from the whole internet; access still needs valid credentials.',
  category: 'iac',
  description:
    "The storage account firewall's default action is Allow while public network access is enabled.",
  cwe: ['CWE-284'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'NS-2',
    },
  ],
  remediation:
    "Set the network rules' default action to Deny and allow only the networks that need access, or disable public network access.",
  tags: ['azure', 'storage', 'network', 'internet-exposed'],
  formats: ['terraform', 'arm'],
  resources: 'azure.storage.accounts',
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
  message: 'Storage account {address} accepts connections from any network.',
});

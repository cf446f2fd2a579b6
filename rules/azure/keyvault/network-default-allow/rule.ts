import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-KEYVAULT-003',
  title: 'Key vault accepts connections from any network',
  severity: 'medium',
  severityRationale:
    'The data plane is reachable from the internet; every request still needs Entra ID authorization.',
  category: 'iac',
  description: "The key vault firewall's default action is Allow while public network access is enabled.",
  cwe: ['CWE-284'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'NS-2',
    },
  ],
  remediation:
    'Set network_acls / networkAcls default action to Deny with the needed IP and subnet rules, or disable public network access and use a private endpoint.',
  tags: ['azure', 'keyvault', 'network', 'keys', 'internet-exposed'],
  formats: ['terraform', 'arm'],
  resources: 'azure.keyvault.vaults',
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
  message: 'Key vault {address} accepts connections from any network.',
});

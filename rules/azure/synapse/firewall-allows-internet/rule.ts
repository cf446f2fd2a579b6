import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-SYNAPSE-002',
  title: 'Synapse workspace firewall rule allows the whole internet',
  severity: 'high',
  severityRationale:
    'Every internet address can reach the workspace SQL endpoints; only credentials stand in the way.',
  category: 'iac',
  description: 'A Synapse firewall rule opens the workspace to every IPv4 address.',
  cwe: ['CWE-284'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'NS-2',
    },
  ],
  remediation: 'Delete the rule and allow only the client ranges that need access.',
  tags: ['azure', 'synapse', 'network', 'firewall', 'data', 'internet-exposed'],
  formats: ['terraform', 'arm'],
  resources: 'azure.synapse.firewallRules',
  when: {
    all: [
      {
        attribute: 'startIp',
        equals: '0.0.0.0',
      },
      {
        attribute: 'endIp',
        equals: '255.255.255.255',
      },
    ],
  },
  message: 'Synapse firewall rule {address} allows every internet address.',
});

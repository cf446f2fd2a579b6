import { defineRule } from '../../../../scanners/rules/api.js';
import { coversAllPorts, internetInboundRules } from '../nsg-exposure.js';

export default defineRule({
  id: 'PAL-AZURE-NETWORK-003',
  title: 'Network security group allows all ports from the internet',
  severity: 'critical',
  severityRationale:
    'Every service on the protected hosts, including management and database ports, is reachable from anywhere.',
  category: 'iac',
  description: 'An inbound Allow rule admits every destination port from any internet source.',
  cwe: ['CWE-284'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'NS-1',
    },
  ],
  remediation:
    'Replace the rule with rules for the specific ports the workload serves, from the narrowest sources possible.',
  tags: ['azure', 'network', 'nsg', 'internet-exposed'],
  formats: ['terraform', 'arm'],
  check({ model, report }) {
    for (const exposed of internetInboundRules(model)) {
      if (!exposed.ports.some(coversAllPorts)) continue;
      report({
        resource: exposed.rule,
        attr: exposed.source,
        message: `Security rule ${exposed.rule.address} allows every port from the internet.`,
      });
    }
  },
});

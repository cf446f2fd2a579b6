import { defineRule } from '../../../../scanners/rules/api.js';
import { carriesTcp, coversPort, internetInboundRules } from '../nsg-exposure.js';

export default defineRule({
  id: 'PAL-AZURE-NETWORK-001',
  title: 'Network security group allows RDP from the internet',
  severity: 'high',
  severityRationale:
    'RDP exposed to the internet is brute-forced within minutes and is a common ransomware entry point.',
  category: 'iac',
  description:
    'An inbound Allow rule admits TCP port 3389 (RDP) from any source (*, 0.0.0.0/0, Internet, Any).',
  cwe: ['CWE-284'],
  benchmarks: [
    {
      framework: 'CIS Microsoft Azure Foundations Benchmark',
      version: '1.3.0',
      control: '6.1',
    },
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'NS-1',
    },
  ],
  remediation:
    'Restrict the source to known administration ranges, or remove the rule and use Azure Bastion or just-in-time VM access.',
  tags: ['azure', 'network', 'nsg', 'rdp', 'remote-access', 'internet-exposed'],
  formats: ['terraform', 'arm'],
  check({ model, report }) {
    for (const exposed of internetInboundRules(model)) {
      if (!carriesTcp(exposed.protocol) || !exposed.ports.some((port) => coversPort(port, 3389))) continue;
      report({
        resource: exposed.rule,
        attr: exposed.source,
        message: `Security rule ${exposed.rule.address} allows RDP (port 3389) from the internet.`,
      });
    }
  },
});

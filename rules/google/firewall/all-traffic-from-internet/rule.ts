import { defineRule, field, isKnown, resources } from '../../../../scanners/rules/api.js';
import { internetAllows } from '../internet-exposure.js';

export default defineRule({
  id: 'PAL-GCP-FIREWALL-004',
  title: 'Firewall rule allows every port and protocol from the internet',
  severity: 'critical',
  severityRationale: 'Every service on every instance of the network is reachable from anywhere.',
  category: 'iac',
  description:
    'An enabled ingress firewall rule allows all protocols, or every TCP/UDP port, from 0.0.0.0/0 or ::/0.',
  cwe: ['CWE-284'],
  remediation: 'Allow only the protocols and ports the service needs, from the narrowest source ranges.',
  tags: ['gcp', 'firewall', 'internet-exposed'],
  formats: ['terraform'],
  check({ model, report }) {
    for (const firewall of resources(model, 'google.compute.firewalls')) {
      for (const allow of internetAllows(firewall)) {
        const protocol = field<string>(allow, 'protocol');
        const ports = field<unknown[]>(allow, 'ports');
        if (!isKnown(protocol) || ports.origin === 'unresolvable') continue;
        const everything = protocol.value.toLowerCase() === 'all';
        const allPorts =
          ['tcp', 'udp'].includes(protocol.value.toLowerCase()) &&
          (!ports.value?.length || ports.value.some((p) => ['0-65535', '1-65535'].includes(String(p))));
        if (!everything && !allPorts) continue;
        report({
          resource: allow,
          attr: protocol,
          message: `Firewall ${firewall.address} allows all ${everything ? 'traffic' : `${protocol.value} ports`} from the internet.`,
        });
      }
    }
  },
});

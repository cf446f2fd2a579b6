import { defineRule, field, isKnown, resources } from '../../../../scanners/rules/api.js';
import { internetAllows, opensPort } from '../internet-exposure.js';

const PORTS = [22];

export default defineRule({
  id: 'PAL-GCP-FIREWALL-001',
  title: 'Firewall rule allows SSH from the internet',
  severity: 'high',
  severityRationale: 'SSH (22) exposed to the whole internet is scanned and brute-forced within minutes.',
  category: 'iac',
  description: 'An enabled ingress firewall rule allows SSH (22) from 0.0.0.0/0 or ::/0.',
  cwe: ['CWE-284'],
  benchmarks: [{ framework: 'CIS Google Cloud Platform Foundation', version: '2.0.0', control: '3.6' }],
  remediation:
    'Restrict source_ranges to known networks, or use Identity-Aware Proxy (35.235.240.0/20) for administrative access.',
  tags: ['gcp', 'firewall'],
  formats: ['terraform'],
  check({ model, report }) {
    for (const firewall of resources(model, 'google.compute.firewalls')) {
      for (const allow of internetAllows(firewall)) {
        const protocol = field<string>(allow, 'protocol');
        const ports = field<unknown[]>(allow, 'ports');
        if (!isKnown(protocol) || ports.origin === 'unresolvable') continue;
        const tcp = ['tcp', 'all'].includes(protocol.value.toLowerCase());
        const port = PORTS.find((p) => tcp && opensPort(ports.value, p));
        if (port === undefined) continue;
        report({
          resource: allow,
          attr: ports.origin === 'explicit' ? ports : protocol,
          message: `Firewall ${firewall.address} allows port ${port} from the internet.`,
        });
      }
    }
  },
});

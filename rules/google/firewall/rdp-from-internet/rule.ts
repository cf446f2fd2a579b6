import { defineRule } from '../../../../scanners/rules/api.js';
import { internetPortCheck } from '../internet-exposure.js';

export default defineRule({
  id: 'PAL-GCP-FIREWALL-002',
  title: 'Firewall rule allows RDP from the internet',
  severity: 'high',
  severityRationale: 'RDP (3389) exposed to the whole internet is scanned and brute-forced within minutes.',
  category: 'iac',
  description: 'An enabled ingress firewall rule allows RDP (3389) from 0.0.0.0/0 or ::/0.',
  cwe: ['CWE-284'],
  benchmarks: [{ framework: 'CIS Google Cloud Platform Foundation', version: '2.0.0', control: '3.7' }],
  remediation:
    'Restrict source_ranges to known networks, or use Identity-Aware Proxy (35.235.240.0/20) for administrative access.',
  tags: ['gcp', 'firewall', 'internet-exposed'],
  formats: ['terraform'],
  check: internetPortCheck([3389]),
});

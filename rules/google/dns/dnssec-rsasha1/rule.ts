import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-DNS-002',
  title: 'Cloud DNS DNSSEC uses the RSASHA1 algorithm',
  severity: 'medium',
  severityRationale:
    'SHA-1 signatures are forgeable with chosen-prefix collisions; DNSSEC on SHA-1 gives weak assurance.',
  category: 'iac',
  description: 'A DNSSEC key spec of the zone (key-signing or zone-signing) uses rsasha1.',
  cwe: ['CWE-327'],
  benchmarks: [
    { framework: 'CIS Google Cloud Platform Foundation', version: '2.0.0', control: '3.4' },
    { framework: 'CIS Google Cloud Platform Foundation', version: '2.0.0', control: '3.5' },
  ],
  remediation:
    'Use rsasha256, rsasha512 or ecdsap256sha256 for both the key-signing and the zone-signing key.',
  tags: ['gcp', 'dns'],
  formats: ['terraform'],
  resources: 'google.dns.zones',
  when: { connection: 'keySpecs', some: { attribute: 'algorithm', equals: 'rsasha1' } },
  message: 'Zone {address} signs with RSASHA1.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-DNS-001',
  title: 'Cloud DNS public zone does not enable DNSSEC',
  severity: 'medium',
  severityRationale: 'Without DNSSEC, resolvers cannot detect forged answers for the zone.',
  category: 'iac',
  description: 'A public managed zone has DNSSEC off (the default), so its records are not signed.',
  cwe: ['CWE-345'],
  benchmarks: [{ framework: 'CIS Google Cloud Platform Foundation', version: '2.0.0', control: '3.3' }],
  remediation:
    'Add dnssec_config { state = "on" } to public zones and publish the DS record at the registrar.',
  tags: ['gcp', 'dns'],
  formats: ['terraform'],
  resources: 'google.dns.zones',
  when: {
    all: [
      { attribute: 'dnssecState', 'not-equals': 'on' },
      { attribute: 'visibility', equals: 'public' },
    ],
  },
  message: 'Public zone {address} is not signed with DNSSEC.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-NETWORK-003',
  title: 'Subnetwork does not enable Private Google Access',
  severity: 'low',
  severityRationale:
    'Without it, instances need external addresses or NAT to reach Google APIs: more exposure, not a flaw in itself.',
  category: 'iac',
  description:
    'Instances without external IP addresses in this subnetwork cannot reach Google APIs privately.',
  cwe: ['CWE-668'],
  remediation: 'Set private_ip_google_access = true.',
  tags: ['gcp', 'network'],
  formats: ['terraform'],
  resources: 'google.compute.subnetworks',
  when: {
    all: [
      { attribute: 'privateGoogleAccess', equals: false },
      { attribute: 'purpose', in: ['PRIVATE', 'PRIVATE_RFC_1918'] },
    ],
  },
  message: 'Subnetwork {address} does not enable Private Google Access.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-COMPUTE-009',
  title: 'VM instance has IP forwarding enabled',
  severity: 'medium',
  severityRationale: 'An instance that forwards packets can route traffic around the network controls.',
  category: 'iac',
  description:
    'can_ip_forward is true, so the instance can send and receive packets whose addresses are not its own.',
  cwe: ['CWE-923'],
  benchmarks: [{ framework: 'CIS Google Cloud Platform Foundation', version: '2.0.0', control: '4.6' }],
  remediation:
    'Set can_ip_forward = false unless the instance is a deliberate network appliance (NAT, VPN, firewall).',
  tags: ['gcp', 'compute'],
  formats: ['terraform'],
  resources: 'google.compute.instances',
  when: { attribute: 'canIpForward', equals: true },
  message: 'Instance {address} forwards IP packets.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-COMPUTE-003',
  title: 'VM instance has a public IP address',
  severity: 'medium',
  severityRationale:
    'A public address exposes every open port to the internet; the firewall is then the only barrier.',
  category: 'iac',
  description:
    'A network interface of the instance has an access_config block, which gives it an external IP address.',
  cwe: ['CWE-668'],
  benchmarks: [{ framework: 'CIS Google Cloud Platform Foundation', version: '2.0.0', control: '4.9' }],
  remediation:
    'Remove the access_config block; reach the instance through a load balancer, IAP or Cloud NAT for egress.',
  tags: ['gcp', 'compute', 'internet-exposed'],
  formats: ['terraform'],
  resources: 'google.compute.instances',
  when: { attribute: 'publicIp', equals: true },
  message: 'Instance {address} has an external IP address.',
});

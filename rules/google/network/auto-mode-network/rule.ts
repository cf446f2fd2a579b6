import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-NETWORK-001',
  title: 'VPC network creates subnetworks automatically',
  severity: 'medium',
  severityRationale:
    'Auto mode networks come with permissive default firewall rules and predictable ranges in every region.',
  category: 'iac',
  description:
    'The network is in auto mode: it creates a subnetwork in every region with predefined ranges, the way the insecure default network does.',
  cwe: ['CWE-1188'],
  benchmarks: [{ framework: 'CIS Google Cloud Platform Foundation', version: '2.0.0', control: '3.1' }],
  remediation: 'Set auto_create_subnetworks = false and declare the subnetworks you need.',
  tags: ['gcp', 'network'],
  formats: ['terraform'],
  resources: 'google.compute.networks',
  when: { attribute: 'autoCreateSubnetworks', equals: true },
  message: 'Network {address} is an auto mode network.',
});

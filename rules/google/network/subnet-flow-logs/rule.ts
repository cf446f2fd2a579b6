import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-NETWORK-002',
  title: 'Subnetwork has VPC flow logs disabled',
  severity: 'low',
  severityRationale: 'Missing flow logs do not open anything, but they leave network forensics blind.',
  category: 'iac',
  description: 'The subnetwork has no log_config block, so VPC flow logs are off.',
  cwe: ['CWE-778'],
  benchmarks: [{ framework: 'CIS Google Cloud Platform Foundation', version: '2.0.0', control: '3.8' }],
  remediation: 'Add a log_config block to the subnetwork.',
  tags: ['gcp', 'network'],
  formats: ['terraform'],
  resources: 'google.compute.subnetworks',
  when: {
    all: [
      { attribute: 'flowLogs', equals: false },
      { attribute: 'purpose', in: ['PRIVATE', 'PRIVATE_RFC_1918'] },
    ],
  },
  message: 'Subnetwork {address} does not record VPC flow logs.',
});

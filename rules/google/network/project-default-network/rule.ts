import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-NETWORK-005',
  title: 'Project is created with the default network',
  severity: 'medium',
  severityRationale:
    'The default network ships with firewall rules that allow SSH, RDP and ICMP from anywhere.',
  category: 'iac',
  description:
    'google_project leaves auto_create_network at its default, true, so the new project gets the default network and its permissive firewall rules.',
  cwe: ['CWE-1188'],
  benchmarks: [{ framework: 'CIS Google Cloud Platform Foundation', version: '2.0.0', control: '3.1' }],
  remediation: 'Set auto_create_network = false on google_project and create a custom-mode network.',
  tags: ['gcp', 'network'],
  formats: ['terraform'],
  resources: 'google.project.projects',
  when: { attribute: 'autoCreateNetwork', equals: true },
  message: 'Project {address} is created with the default network.',
});

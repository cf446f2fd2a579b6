import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-COMPUTE-008',
  title: 'VM instance accepts project-wide SSH keys',
  severity: 'low',
  severityRationale:
    'A key added to the project for one purpose opens every instance that does not block it.',
  category: 'iac',
  description:
    'The instance does not set block-project-ssh-keys, so any SSH key in the project metadata logs in to it.',
  cwe: ['CWE-284'],
  benchmarks: [{ framework: 'CIS Google Cloud Platform Foundation', version: '2.0.0', control: '4.3' }],
  remediation: 'Set the metadata key block-project-ssh-keys = "TRUE", or use OS Login.',
  tags: ['gcp', 'compute'],
  formats: ['terraform'],
  resources: 'google.compute.instances',
  when: {
    all: [
      { attribute: 'blockProjectSshKeys', equals: false },
      { not: { attribute: 'osLoginEnabled', equals: true } },
    ],
  },
  message: 'Instance {address} accepts SSH keys from the project metadata.',
});

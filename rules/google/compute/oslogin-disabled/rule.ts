import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-COMPUTE-002',
  title: 'VM instance disables OS Login',
  severity: 'medium',
  severityRationale:
    'Without OS Login, SSH access is managed by keys in metadata, outside IAM and its audit trail.',
  category: 'iac',
  description:
    'The instance sets enable-oslogin to false in its metadata, so SSH access is granted by keys pasted into metadata instead of IAM roles.',
  cwe: ['CWE-287'],
  benchmarks: [{ framework: 'CIS Google Cloud Platform Foundation', version: '2.0.0', control: '4.4' }],
  remediation:
    'Remove the enable-oslogin override, or set it to "TRUE", and grant roles/compute.osLogin instead of distributing keys.',
  tags: ['gcp', 'compute'],
  formats: ['terraform'],
  resources: 'google.compute.instances',
  when: { attribute: 'osLoginEnabled', equals: false },
  message: 'Instance {address} turns OS Login off.',
});

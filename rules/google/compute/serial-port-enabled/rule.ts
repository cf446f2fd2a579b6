import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-COMPUTE-001',
  title: 'VM instance allows connections to its serial port',
  severity: 'medium',
  severityRationale: 'The serial console bypasses the network controls and firewall rules of the instance.',
  category: 'iac',
  description:
    'Interactive serial console access is enabled in the instance metadata, so anyone with the right IAM role can reach the console from any IP address.',
  cwe: ['CWE-284'],
  benchmarks: [{ framework: 'CIS Google Cloud Platform Foundation', version: '2.0.0', control: '4.5' }],
  remediation: 'Remove serial-port-enable from the metadata, or set it to "false".',
  tags: ['gcp', 'compute'],
  formats: ['terraform'],
  resources: 'google.compute.instances',
  when: { attribute: 'serialPortEnabled', equals: true },
  message: 'Instance {address} enables the interactive serial console.',
});

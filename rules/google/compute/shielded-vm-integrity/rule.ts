import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-COMPUTE-007',
  title: 'VM instance turns off vTPM or integrity monitoring',
  severity: 'medium',
  severityRationale:
    'Turning these off removes measured boot and the alerts that detect a compromised boot chain.',
  category: 'iac',
  description: 'The instance explicitly disables the virtual TPM or integrity monitoring of Shielded VM.',
  cwe: ['CWE-693'],
  benchmarks: [{ framework: 'CIS Google Cloud Platform Foundation', version: '2.0.0', control: '4.8' }],
  remediation: 'Leave enable_vtpm and enable_integrity_monitoring at their default, true.',
  tags: ['gcp', 'compute'],
  formats: ['terraform'],
  resources: 'google.compute.instances',
  when: {
    any: [
      { attribute: 'vtpm', equals: false },
      { attribute: 'integrityMonitoring', equals: false },
    ],
  },
  message: 'Instance {address} disables a Shielded VM protection.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-COMPUTE-006',
  title: 'VM instance does not use Shielded VM secure boot',
  severity: 'low',
  severityRationale:
    'Secure boot stops boot-level malware; its absence matters only once an attacker can write to the boot chain.',
  category: 'iac',
  description:
    'Secure boot is off, so the instance will boot unsigned or tampered boot loaders and kernel modules.',
  cwe: ['CWE-693'],
  benchmarks: [{ framework: 'CIS Google Cloud Platform Foundation', version: '2.0.0', control: '4.8' }],
  remediation: 'Add shielded_instance_config with enable_secure_boot = true (use a Shielded VM image).',
  tags: ['gcp', 'compute'],
  formats: ['terraform'],
  resources: 'google.compute.instances',
  when: { attribute: 'secureBoot', equals: false },
  message: 'Instance {address} boots without secure boot.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-GKE-012',
  title: 'GKE node pool does not use secure boot',
  severity: 'low',
  severityRationale:
    'Secure boot stops boot-level rootkits; it matters once an attacker can write to the boot chain.',
  category: 'iac',
  description: 'Nodes of the pool boot without secure boot, so tampered boot components are not rejected.',
  cwe: ['CWE-693'],
  remediation: 'Set node_config { shielded_instance_config { enable_secure_boot = true } }.',
  tags: ['gcp', 'gke'],
  formats: ['terraform'],
  resources: 'google.gke.nodePools',
  when: { attribute: 'secureBoot', equals: false },
  message: 'Node pool {address} boots nodes without secure boot.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-GKE-010',
  title: 'GKE node pool disables auto-repair',
  severity: 'low',
  severityRationale: 'Unhealthy nodes linger; a reliability concern more than an exposure.',
  category: 'iac',
  description: 'Auto-repair is off, so nodes that fail health checks are not recreated.',
  cwe: ['CWE-693'],
  remediation: 'Set management { auto_repair = true } (the default).',
  tags: ['gcp', 'gke'],
  formats: ['terraform'],
  resources: 'google.gke.nodePools',
  when: { attribute: 'autoRepair', equals: false },
  message: 'Node pool {address} disables auto-repair.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-GKE-011',
  title: 'GKE node pool disables auto-upgrade',
  severity: 'medium',
  severityRationale: 'Nodes fall behind on security patches for the kubelet, container runtime and OS.',
  category: 'iac',
  description:
    'Auto-upgrade is off, so nodes keep running old Kubernetes and OS versions with known vulnerabilities.',
  cwe: ['CWE-1104'],
  remediation: 'Set management { auto_upgrade = true } (the default) and use a release channel.',
  tags: ['gcp', 'gke'],
  formats: ['terraform'],
  resources: 'google.gke.nodePools',
  when: { attribute: 'autoUpgrade', equals: false },
  message: 'Node pool {address} disables auto-upgrade.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-GKE-001',
  title: 'GKE cluster enables legacy ABAC authorization',
  severity: 'high',
  severityRationale: 'Legacy ABAC grants broad static permissions that RBAC cannot narrow.',
  category: 'iac',
  description:
    'Legacy attribute-based access control is on, so service accounts and users get permissions outside Kubernetes RBAC.',
  cwe: ['CWE-285'],
  remediation: 'Set enable_legacy_abac = false (the default) and grant access with RBAC.',
  tags: ['gcp', 'gke'],
  formats: ['terraform'],
  resources: 'google.gke.clusters',
  when: { attribute: 'legacyAbac', equals: true },
  message: 'Cluster {address} enables legacy ABAC.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-GKE-003',
  title: 'GKE cluster does not use Workload Identity',
  severity: 'medium',
  severityRationale: 'Without it, pods use the node service account and can read node metadata.',
  category: 'iac',
  description:
    'Workload Identity is not configured, so every pod acts with the node service account and can reach the instance metadata server.',
  cwe: ['CWE-250'],
  remediation: 'Add workload_identity_config { workload_pool = "PROJECT_ID.svc.id.goog" }.',
  tags: ['gcp', 'gke'],
  formats: ['terraform'],
  resources: 'google.gke.clusters',
  when: {
    all: [
      { attribute: 'workloadIdentityPool', exists: false },
      { attribute: 'autopilot', equals: false },
    ],
  },
  message: 'Cluster {address} does not enable Workload Identity.',
});

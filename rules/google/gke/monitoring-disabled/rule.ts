import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-GKE-008',
  title: 'GKE cluster sends no metrics to Cloud Monitoring',
  severity: 'low',
  severityRationale:
    'Missing metrics hide resource abuse such as crypto-mining, but expose nothing directly.',
  category: 'iac',
  description: 'monitoring_service is "none", so cluster metrics are not collected.',
  cwe: ['CWE-778'],
  remediation: 'Remove monitoring_service = "none" (the default is monitoring.googleapis.com/kubernetes).',
  tags: ['gcp', 'gke'],
  formats: ['terraform'],
  resources: 'google.gke.clusters',
  when: { attribute: 'monitoringService', equals: 'none' },
  message: 'Cluster {address} turns off Cloud Monitoring.',
});

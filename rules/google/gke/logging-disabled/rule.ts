import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-GKE-007',
  title: 'GKE cluster sends no logs to Cloud Logging',
  severity: 'medium',
  severityRationale: 'Without logs, attacks on the cluster and its workloads leave no trace to investigate.',
  category: 'iac',
  description: 'logging_service is "none", so neither system nor workload logs are collected.',
  cwe: ['CWE-778'],
  remediation: 'Remove logging_service = "none" (the default is logging.googleapis.com/kubernetes).',
  tags: ['gcp', 'gke'],
  formats: ['terraform'],
  resources: 'google.gke.clusters',
  when: { attribute: 'loggingService', equals: 'none' },
  message: 'Cluster {address} turns off Cloud Logging.',
});

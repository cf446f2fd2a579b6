import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-GKE-006',
  title: 'GKE cluster issues a client certificate',
  severity: 'medium',
  severityRationale:
    'A static client certificate is a credential that cannot be revoked short of rotating the cluster CA.',
  category: 'iac',
  description:
    'The cluster issues a client certificate for authentication, a long-lived credential that does not go through IAM.',
  cwe: ['CWE-798'],
  remediation: 'Set issue_client_certificate = false and authenticate with IAM.',
  tags: ['gcp', 'gke'],
  formats: ['terraform'],
  resources: 'google.gke.clusters',
  when: { attribute: 'issueClientCertificate', equals: true },
  message: 'Cluster {address} issues a client certificate.',
});

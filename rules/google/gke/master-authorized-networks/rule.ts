import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-GKE-005',
  title: 'GKE control plane accepts connections from any address',
  severity: 'high',
  severityRationale:
    'The Kubernetes API server is reachable from the whole internet; only credentials protect it.',
  category: 'iac',
  description:
    'The cluster has no master_authorized_networks_config, so its public endpoint accepts connections from any IP address.',
  cwe: ['CWE-284'],
  remediation:
    'Add master_authorized_networks_config with the CIDR blocks of your offices, VPN and CI runners.',
  tags: ['gcp', 'gke', 'internet-exposed'],
  formats: ['terraform'],
  resources: 'google.gke.clusters',
  when: { attribute: 'masterAuthorizedNetworks', equals: false },
  message: 'Cluster {address} exposes its control plane to every address.',
});

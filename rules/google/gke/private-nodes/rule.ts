import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-GKE-002',
  title: 'GKE cluster nodes have public IP addresses',
  severity: 'medium',
  severityRationale:
    'Public nodes expose their kubelet and node ports to the internet; only firewall rules protect them.',
  category: 'iac',
  description: 'The cluster does not enable private nodes, so every node gets an external IP address.',
  cwe: ['CWE-668'],
  remediation: 'Add private_cluster_config with enable_private_nodes = true (and Cloud NAT for egress).',
  tags: ['gcp', 'gke', 'internet-exposed'],
  formats: ['terraform'],
  resources: 'google.gke.clusters',
  when: {
    all: [
      { attribute: 'privateNodes', equals: false },
      { attribute: 'autopilot', equals: false },
    ],
  },
  message: 'Cluster {address} gives its nodes public IP addresses.',
});

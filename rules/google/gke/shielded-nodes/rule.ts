import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-GKE-009',
  title: 'GKE cluster disables Shielded GKE Nodes',
  severity: 'medium',
  severityRationale:
    'Without node identity verification, a stolen bootstrap credential can register a rogue node.',
  category: 'iac',
  description:
    'enable_shielded_nodes is false, so nodes do not prove their identity with a vTPM when joining the cluster.',
  cwe: ['CWE-290'],
  remediation: 'Remove enable_shielded_nodes = false (it defaults to true).',
  tags: ['gcp', 'gke'],
  formats: ['terraform'],
  resources: 'google.gke.clusters',
  when: { attribute: 'shieldedNodes', equals: false },
  message: 'Cluster {address} disables Shielded GKE Nodes.',
});

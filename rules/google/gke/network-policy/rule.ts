import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-GKE-004',
  title: 'GKE cluster does not enforce network policies',
  severity: 'medium',
  severityRationale:
    'Without enforcement every pod can reach every other pod: a single compromise spreads freely.',
  category: 'iac',
  description:
    'Neither the network policy add-on nor GKE Dataplane V2 is enabled, so NetworkPolicy objects have no effect.',
  cwe: ['CWE-923'],
  remediation: 'Enable network_policy { enabled = true } or use datapath_provider = "ADVANCED_DATAPATH".',
  tags: ['gcp', 'gke'],
  formats: ['terraform'],
  resources: 'google.gke.clusters',
  when: {
    all: [
      { attribute: 'networkPolicy', equals: false },
      { attribute: 'datapathProvider', 'not-equals': 'ADVANCED_DATAPATH' },
      { attribute: 'autopilot', equals: false },
    ],
  },
  message: 'Cluster {address} does not enforce Kubernetes network policies.',
});

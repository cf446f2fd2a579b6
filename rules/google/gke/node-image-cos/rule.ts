import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-GCP-GKE-013',
  title: 'GKE node pool does not use Container-Optimized OS',
  severity: 'low',
  severityRationale: 'A general-purpose node image has a larger attack surface, but is not a flaw by itself.',
  category: 'iac',
  description:
    'The node pool uses an image type other than Container-Optimized OS, which carries more packages and a writable root filesystem.',
  cwe: ['CWE-1104'],
  remediation: 'Use image_type = "COS_CONTAINERD".',
  tags: ['gcp', 'gke'],
  formats: ['terraform'],
  resources: 'google.gke.nodePools',
  when: {
    all: [
      { attribute: 'imageType', exists: true },
      { attribute: 'imageType', 'not-in': ['COS_CONTAINERD', 'COS', 'cos_containerd', 'cos'] },
    ],
  },
  message: 'Node pool {address} does not use Container-Optimized OS.',
});

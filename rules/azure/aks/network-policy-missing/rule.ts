import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-AKS-003',
  title: 'AKS cluster has no network policy engine',
  severity: 'medium',
  severityRationale: 'Pods can reach each other freely, so one compromised pod can move laterally.',
  category: 'iac',
  description: 'No network policy engine (Azure, Calico or Cilium) is configured for the AKS cluster.',
  cwe: ['CWE-923'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'NS-1',
    },
  ],
  remediation:
    'Set network_profile.network_policy (Terraform) or networkProfile.networkPolicy (ARM) to azure, calico or cilium.',
  tags: ['azure', 'aks', 'kubernetes', 'network'],
  formats: ['terraform', 'arm'],
  resources: 'azure.aks.clusters',
  when: {
    any: [
      {
        attribute: 'networkPolicy',
        exists: false,
      },
      {
        attribute: 'networkPolicy',
        equals: 'none',
      },
    ],
  },
  message: 'AKS cluster {address} has no network policy engine.',
});

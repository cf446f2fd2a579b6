import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-AKS-007',
  title: 'AKS cluster does not run the Azure Policy add-on',
  severity: 'low',
  severityRationale:
    'Workload guardrails (no privileged pods, allowed registries) are not enforced; no direct exposure.',
  category: 'iac',
  description: 'The Azure Policy add-on (Gatekeeper) is not enabled on the cluster.',
  cwe: ['CWE-693'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'PV-2',
    },
  ],
  remediation:
    'Set azure_policy_enabled = true (Terraform) or addonProfiles.azurepolicy.enabled: true (ARM).',
  tags: ['azure', 'aks', 'kubernetes', 'governance'],
  formats: ['terraform', 'arm'],
  resources: 'azure.aks.clusters',
  when: {
    attribute: 'azurePolicy',
    equals: false,
  },
  message: 'AKS cluster {address} does not run the Azure Policy add-on.',
});

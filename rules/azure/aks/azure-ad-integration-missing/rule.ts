import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-AKS-002',
  title: 'AKS cluster is not integrated with Microsoft Entra ID',
  severity: 'medium',
  severityRationale:
    'Cluster access relies on certificate-based kubeconfigs that cannot be revoked per user.',
  category: 'iac',
  description: 'The AKS cluster has no Microsoft Entra ID (Azure AD) integration for user authentication.',
  cwe: ['CWE-287'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'IM-1',
    },
  ],
  remediation:
    'Add an azure_active_directory_role_based_access_control block (Terraform) or properties.aadProfile with managed: true (ARM).',
  tags: ['azure', 'aks', 'kubernetes', 'identity'],
  formats: ['terraform', 'arm'],
  resources: 'azure.aks.clusters',
  when: {
    attribute: 'aadIntegration',
    equals: false,
  },
  message: 'AKS cluster {address} is not integrated with Microsoft Entra ID.',
});

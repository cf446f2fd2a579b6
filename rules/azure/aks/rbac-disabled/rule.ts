import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-AKS-001',
  title: 'AKS cluster has Kubernetes RBAC disabled',
  severity: 'high',
  severityRationale: 'Without RBAC every authenticated identity is effectively cluster admin.',
  category: 'iac',
  description: 'Kubernetes role-based access control is turned off on the AKS cluster.',
  cwe: ['CWE-732'],
  benchmarks: [
    {
      framework: 'CIS Microsoft Azure Foundations Benchmark',
      version: '1.3.0',
      control: '8.5',
    },
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'PA-7',
    },
  ],
  remediation:
    'Set role_based_access_control_enabled = true (Terraform) or enableRBAC: true (ARM); RBAC can only be set when the cluster is created.',
  tags: ['azure', 'aks', 'kubernetes', 'rbac'],
  formats: ['terraform', 'arm'],
  resources: 'azure.aks.clusters',
  when: {
    attribute: 'rbacEnabled',
    equals: false,
  },
  message: 'AKS cluster {address} has Kubernetes RBAC disabled.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-AKS-006',
  title: 'AKS cluster keeps local accounts enabled',
  severity: 'medium',
  severityRationale: 'The static cluster-admin credential bypasses Entra ID and cannot be audited per user.',
  category: 'iac',
  description: "The cluster's local (certificate-based) admin account is not disabled.",
  cwe: ['CWE-287'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'IM-1',
    },
  ],
  remediation:
    'Set local_account_disabled = true (Terraform) or disableLocalAccounts: true (ARM) once Entra ID integration is in place.',
  tags: ['azure', 'aks', 'kubernetes', 'identity'],
  formats: ['terraform', 'arm'],
  resources: 'azure.aks.clusters',
  when: {
    attribute: 'localAccountsDisabled',
    equals: false,
  },
  message: 'AKS cluster {address} keeps local accounts enabled.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-AKS-008',
  title: 'AKS default node pool does not use encryption at host',
  severity: 'low',
  severityRationale:
    'Temp disks and disk caches stay unencrypted on the host; managed disks are encrypted anyway.',
  category: 'iac',
  description: "Encryption at host is not enabled for the cluster's default node pool.",
  cwe: ['CWE-311'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'DP-4',
    },
  ],
  remediation:
    'Set host_encryption_enabled = true (azurerm 4.x; enable_host_encryption in 3.x) in default_node_pool, or enableEncryptionAtHost: true on the agent pool profile.',
  tags: ['azure', 'aks', 'kubernetes', 'encryption-at-rest'],
  formats: ['terraform', 'arm'],
  resources: 'azure.aks.clusters',
  when: {
    attribute: 'hostEncryption',
    equals: false,
  },
  message: 'AKS cluster {address} runs its default node pool without encryption at host.',
});

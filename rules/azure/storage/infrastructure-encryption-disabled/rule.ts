import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-STORAGE-006',
  title: 'Storage account does not use infrastructure (double) encryption',
  severity: 'low',
  severityRationale:
    'Data is already encrypted at rest once; the second layer guards against a flaw in one algorithm or key.',
  category: 'iac',
  description:
    'The storage account encrypts data at rest only at the service level, without the infrastructure encryption layer.',
  cwe: ['CWE-311'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'DP-4',
    },
  ],
  remediation:
    'Create the account with infrastructure_encryption_enabled = true (Terraform) or encryption.requireInfrastructureEncryption: true (ARM).',
  tags: ['azure', 'storage', 'encryption-at-rest'],
  formats: ['terraform', 'arm'],
  resources: 'azure.storage.accounts',
  when: {
    attribute: 'infrastructureEncryption',
    equals: false,
  },
  message: 'Storage account {address} does not enable infrastructure encryption.',
});

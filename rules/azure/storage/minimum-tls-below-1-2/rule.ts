import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-STORAGE-002',
  title: 'Storage account accepts TLS versions older than 1.2',
  severity: 'medium',
  severityRationale:
    'TLS 1.0 and 1.1 have known weaknesses; exploiting them needs a network position and effort.',
  category: 'iac',
  description: 'The storage account allows clients to negotiate TLS 1.0 or 1.1.',
  cwe: ['CWE-326'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'DP-3',
    },
  ],
  remediation: 'Set min_tls_version = "TLS1_2" (Terraform) or minimumTlsVersion: "TLS1_2" (ARM).',
  tags: ['azure', 'storage', 'encryption-in-transit', 'tls'],
  formats: ['terraform', 'arm'],
  resources: 'azure.storage.accounts',
  when: {
    attribute: 'minTlsVersion',
    in: ['TLS1_0', 'TLS1_1'],
  },
  message: 'Storage account {address} accepts TLS versions older than 1.2.',
});

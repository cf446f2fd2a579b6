import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-STORAGE-001',
  title: 'Storage account accepts unencrypted HTTP requests',
  severity: 'high',
  severityRationale:
    'Requests and shared access signatures cross the network in clear text, readable and alterable in transit.',
  category: 'iac',
  description:
    'The storage account does not require secure transfer, so its REST endpoints accept plain HTTP as well as HTTPS.',
  cwe: ['CWE-319'],
  benchmarks: [
    {
      framework: 'CIS Microsoft Azure Foundations Benchmark',
      version: '1.3.0',
      control: '3.1',
    },
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'DP-3',
    },
  ],
  remediation:
    'Require secure transfer: set https_traffic_only_enabled (azurerm 4.x; enable_https_traffic_only in 3.x) or supportsHttpsTrafficOnly to true, or leave it unset.',
  tags: ['azure', 'storage', 'encryption-in-transit'],
  formats: ['terraform', 'arm'],
  resources: 'azure.storage.accounts',
  when: {
    attribute: 'httpsOnly',
    equals: false,
  },
  message: 'Storage account {address} accepts requests over plain HTTP.',
});

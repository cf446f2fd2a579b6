import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-APPSERVICE-002',
  title: 'App Service app accepts TLS versions older than 1.2',
  severity: 'medium',
  severityRationale: 'Old TLS versions have known weaknesses; exploiting them needs a network position.',
  category: 'iac',
  description: "The app's minimum inbound TLS version is 1.0 or 1.1.",
  cwe: ['CWE-326'],
  benchmarks: [
    {
      framework: 'CIS Microsoft Azure Foundations Benchmark',
      version: '1.3.0',
      control: '9.3',
    },
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'DP-3',
    },
  ],
  remediation:
    'Set site_config.minimum_tls_version = "1.2" (Terraform) or siteConfig.minTlsVersion: "1.2" (ARM), or leave the default.',
  tags: ['azure', 'appservice', 'tls', 'encryption-in-transit'],
  formats: ['terraform', 'arm'],
  resources: 'azure.appservice.sites',
  when: {
    attribute: 'minTlsVersion',
    in: ['1.0', '1.1'],
  },
  message: 'App {address} accepts TLS versions older than 1.2.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-APPSERVICE-007',
  title: 'App Service app does not enable HTTP/2',
  severity: 'low',
  severityRationale: 'A hardening and performance setting; HTTP/1.1 is not a vulnerability by itself.',
  category: 'iac',
  description: 'The app serves HTTP/1.1 only.',
  cwe: ['CWE-1104'],
  benchmarks: [
    {
      framework: 'CIS Microsoft Azure Foundations Benchmark',
      version: '1.3.0',
      control: '9.9',
    },
  ],
  remediation: 'Set site_config.http2_enabled = true (Terraform) or siteConfig.http20Enabled: true (ARM).',
  tags: ['azure', 'appservice', 'hardening'],
  formats: ['terraform', 'arm'],
  resources: 'azure.appservice.sites',
  when: {
    attribute: 'http2',
    equals: false,
  },
  message: 'App {address} does not enable HTTP/2.',
});

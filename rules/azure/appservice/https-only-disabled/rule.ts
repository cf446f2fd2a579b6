import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-APPSERVICE-001',
  title: 'App Service app does not redirect HTTP to HTTPS',
  severity: 'medium',
  severityRationale:
    'Users can reach the app over plain HTTP, where sessions and data can be read or altered in transit.',
  category: 'iac',
  description: 'The web or function app accepts plain HTTP requests instead of redirecting them to HTTPS.',
  cwe: ['CWE-319'],
  benchmarks: [
    {
      framework: 'CIS Microsoft Azure Foundations Benchmark',
      version: '1.3.0',
      control: '9.2',
    },
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'DP-3',
    },
  ],
  remediation: 'Set https_only = true (Terraform) or httpsOnly: true (ARM).',
  tags: ['azure', 'appservice', 'encryption-in-transit'],
  formats: ['terraform', 'arm'],
  resources: 'azure.appservice.sites',
  when: {
    attribute: 'httpsOnly',
    equals: false,
  },
  message: 'App {address} serves requests over plain HTTP.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-APPSERVICE-003',
  title: 'App Service app has no managed identity',
  severity: 'low',
  severityRationale: 'The app must hold secrets to reach other services; that risk is indirect.',
  category: 'iac',
  description: 'The web or function app has no system- or user-assigned managed identity.',
  cwe: ['CWE-522'],
  benchmarks: [
    {
      framework: 'CIS Microsoft Azure Foundations Benchmark',
      version: '1.3.0',
      control: '9.5',
    },
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'IM-3',
    },
  ],
  remediation:
    'Add an identity block (Terraform) or identity.type (ARM) and grant it access instead of storing credentials.',
  tags: ['azure', 'appservice', 'identity'],
  formats: ['terraform', 'arm'],
  resources: 'azure.appservice.sites',
  when: {
    attribute: 'identity',
    equals: false,
  },
  message: 'App {address} has no managed identity.',
});

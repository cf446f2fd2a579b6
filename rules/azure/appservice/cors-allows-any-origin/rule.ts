import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-APPSERVICE-008',
  title: 'App Service CORS policy allows every origin',
  severity: 'medium',
  severityRationale:
    "Any website can call the app from a visitor's browser; impact depends on what the API exposes.",
  category: 'iac',
  description: 'The app\'s CORS allowed origins include the wildcard "*".',
  cwe: ['CWE-942'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'NS-2',
    },
  ],
  remediation: 'List the exact origins that need cross-origin access instead of "*".',
  tags: ['azure', 'appservice', 'cors', 'web'],
  formats: ['terraform', 'arm'],
  resources: 'azure.appservice.sites',
  when: {
    attribute: 'corsAllowedOrigins',
    contains: '*',
  },
  message: 'App {address} allows cross-origin requests from any website.',
});

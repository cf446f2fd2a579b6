import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-APPSERVICE-006',
  title: 'App Service app does not require client certificates',
  severity: 'low',
  severityRationale:
    'Mutual TLS is an extra layer for apps with known clients; most apps rely on other authentication.',
  category: 'iac',
  description: 'Incoming client certificates are not requested by the app.',
  cwe: ['CWE-295'],
  benchmarks: [
    {
      framework: 'CIS Microsoft Azure Foundations Benchmark',
      version: '1.3.0',
      control: '9.4',
    },
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'IM-4',
    },
  ],
  remediation:
    'Set client_certificate_enabled = true (with client_certificate_mode = "Required") or clientCertEnabled: true where clients can present certificates.',
  tags: ['azure', 'appservice', 'authentication'],
  formats: ['terraform', 'arm'],
  resources: 'azure.appservice.sites',
  when: {
    attribute: 'clientCertEnabled',
    equals: false,
  },
  message: 'App {address} does not require client certificates.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-APPSERVICE-004',
  title: 'App Service app allows plain FTP deployments',
  severity: 'medium',
  severityRationale: 'Deployment credentials and code can cross the network unencrypted over FTP.',
  category: 'iac',
  description: "The app's FTP state is AllAllowed, so both FTP and FTPS are accepted.",
  cwe: ['CWE-319'],
  benchmarks: [
    {
      framework: 'CIS Microsoft Azure Foundations Benchmark',
      version: '1.3.0',
      control: '9.10',
    },
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'DP-3',
    },
  ],
  remediation: 'Set ftps_state / ftpsState to Disabled (or FtpsOnly if FTP deployment is still needed).',
  tags: ['azure', 'appservice', 'encryption-in-transit', 'deployment'],
  formats: ['terraform', 'arm'],
  resources: 'azure.appservice.sites',
  when: {
    attribute: 'ftpsState',
    equals: 'AllAllowed',
  },
  message: 'App {address} accepts plain FTP deployments.',
});

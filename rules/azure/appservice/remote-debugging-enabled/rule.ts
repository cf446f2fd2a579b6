import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-APPSERVICE-005',
  title: 'App Service app has remote debugging enabled',
  severity: 'high',
  severityRationale:
    'Remote debugging opens extra ports and lets an attacker with publishing credentials attach to the live process.',
  category: 'iac',
  description: 'Remote debugging is turned on for the web or function app.',
  cwe: ['CWE-489'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'PV-2',
    },
  ],
  remediation:
    'Set remote_debugging_enabled = false (Terraform) or remoteDebuggingEnabled: false (ARM), or leave the default.',
  tags: ['azure', 'appservice', 'debug'],
  formats: ['terraform', 'arm'],
  resources: 'azure.appservice.sites',
  when: {
    attribute: 'remoteDebugging',
    equals: true,
  },
  message: 'App {address} has remote debugging enabled.',
});

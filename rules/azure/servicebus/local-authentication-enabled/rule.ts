import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-SERVICEBUS-003',
  title: 'Service Bus namespace accepts SAS key authentication',
  severity: 'low',
  severityRationale: 'SAS keys are shared long-lived secrets; exploiting this needs a leaked key.',
  category: 'iac',
  description: 'Local (shared access signature) authentication is enabled on the Service Bus namespace.',
  cwe: ['CWE-287'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'IM-1',
    },
  ],
  remediation:
    'Set local_authentication_enabled = false (Terraform) or disableLocalAuth: true (ARM) and authorize with Microsoft Entra ID.',
  tags: ['azure', 'servicebus', 'identity', 'messaging'],
  formats: ['terraform', 'arm'],
  resources: 'azure.servicebus.namespaces',
  when: {
    attribute: 'localAuthentication',
    equals: true,
  },
  message: 'Service Bus namespace {address} accepts SAS key authentication.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-EVENTHUB-003',
  title: 'Event Hubs namespace accepts SAS key authentication',
  severity: 'low',
  severityRationale: 'SAS keys are shared long-lived secrets; exploiting this needs a leaked key.',
  category: 'iac',
  description: 'Local (shared access signature) authentication is enabled on the Event Hubs namespace.',
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
  tags: ['azure', 'eventhub', 'identity', 'messaging'],
  formats: ['terraform', 'arm'],
  resources: 'azure.eventhub.namespaces',
  when: {
    attribute: 'localAuthentication',
    equals: true,
  },
  message: 'Event Hubs namespace {address} accepts SAS key authentication.',
});

import { defineRule } from '../../../../scanners/rules/api.js';
import { anyNetworkCheck } from '../../messaging-namespace.js';

export default defineRule({
  id: 'PAL-AZURE-SERVICEBUS-002',
  title: 'Service Bus namespace accepts connections from any network',
  severity: 'medium',
  severityRationale:
    'The namespace is reachable from the internet; every request still needs a SAS key or token.',
  category: 'iac',
  description: "Public network access is enabled and the namespace's network rule set allows every network.",
  cwe: ['CWE-284'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'NS-2',
    },
  ],
  remediation:
    'Disable public network access (and use private endpoints), or set the network rule set default action to Deny with IP and virtual network rules.',
  tags: ['azure', 'servicebus', 'network', 'messaging', 'internet-exposed'],
  formats: ['terraform', 'arm'],
  check: anyNetworkCheck('azure.servicebus.namespaces', 'Service Bus'),
});

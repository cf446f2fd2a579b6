import { defineRule, field, isKnownValue, resources } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AZURE-EVENTHUB-002',
  title: 'Event Hubs namespace accepts connections from any network',
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
  tags: ['azure', 'eventhub', 'network', 'messaging'],
  formats: ['terraform', 'arm'],
  check({ model, report }) {
    for (const namespace of resources(model, 'azure.eventhub.namespaces')) {
      const publicAccess = field<boolean>(namespace, 'publicNetworkAccess');
      const action = field<string>(namespace, 'network.defaultAction');
      if (!isKnownValue(publicAccess, true) || !isKnownValue(action, 'Allow')) continue;
      report({
        resource: namespace,
        attr: action.origin === 'explicit' ? action : publicAccess,
        message: `Event Hubs namespace ${namespace.address} accepts connections from any network.`,
      });
    }
  },
});

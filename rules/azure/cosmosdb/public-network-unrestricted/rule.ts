import { defineRule, field, isKnownValue, resources } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AZURE-COSMOSDB-001',
  title: 'Cosmos DB account accepts connections from any network',
  severity: 'medium',
  severityRationale:
    'The account endpoint is open to the internet; every request still needs a key or token.',
  category: 'iac',
  description: 'Public network access is enabled with neither an IP filter nor virtual network filtering.',
  cwe: ['CWE-284'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'NS-2',
    },
  ],
  remediation:
    'Disable public network access and use private endpoints, or restrict it with ip_range_filter / ipRules and virtual network rules.',
  tags: ['azure', 'cosmosdb', 'network', 'internet-exposed'],
  formats: ['terraform', 'arm'],
  check({ model, report }) {
    for (const account of resources(model, 'azure.cosmosdb.accounts')) {
      const publicAccess = field<boolean>(account, 'publicNetworkAccess');
      const vnetFilter = field<boolean>(account, 'virtualNetworkFilter');
      const ipRules = field<unknown[]>(account, 'ipRules');
      if (!isKnownValue(publicAccess, true) || !isKnownValue(vnetFilter, false)) continue;
      if (ipRules.origin === 'unresolvable' || (Array.isArray(ipRules.value) && ipRules.value.length > 0))
        continue;
      report({
        resource: account,
        attr: publicAccess.origin === 'explicit' ? publicAccess : ipRules,
        message: `Cosmos DB account ${account.address} accepts connections from any network.`,
      });
    }
  },
});

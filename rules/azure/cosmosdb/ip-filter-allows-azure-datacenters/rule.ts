import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-COSMOSDB-003',
  title: 'Cosmos DB IP filter admits all Azure datacenters or every address',
  severity: 'medium',
  severityRationale:
    "Any Azure customer's resources (or the whole internet) can reach the account; keys are still required.",
  category: 'iac',
  description:
    "The account's IP filter contains 0.0.0.0 (accept connections from within public Azure datacenters) or 0.0.0.0/0.",
  cwe: ['CWE-284'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'NS-2',
    },
  ],
  remediation:
    'Remove 0.0.0.0 and 0.0.0.0/0 from the IP filter; use private endpoints or virtual network rules for Azure workloads.',
  tags: ['azure', 'cosmosdb', 'network', 'internet-exposed'],
  formats: ['terraform', 'arm'],
  resources: 'azure.cosmosdb.accounts',
  when: {
    any: [
      {
        attribute: 'ipRules',
        contains: '0.0.0.0',
      },
      {
        attribute: 'ipRules',
        contains: '0.0.0.0/0',
      },
    ],
  },
  message:
    'Cosmos DB account {address} admits every Azure datacenter (or every address) through its IP filter.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-COSMOSDB-004',
  title: 'Cosmos DB account accepts account key authentication',
  severity: 'low',
  severityRationale: 'Keys are broad, long-lived secrets; exploiting this needs a leaked key.',
  category: 'iac',
  description: 'Local (primary/secondary key) authentication is enabled instead of Microsoft Entra ID only.',
  cwe: ['CWE-287'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'IM-1',
    },
  ],
  remediation:
    'Set local_authentication_disabled = true (Terraform) or disableLocalAuth: true (ARM) and grant data-plane RBAC roles.',
  tags: ['azure', 'cosmosdb', 'identity'],
  formats: ['terraform', 'arm'],
  resources: 'azure.cosmosdb.accounts',
  when: {
    attribute: 'localAuthentication',
    equals: true,
  },
  message: 'Cosmos DB account {address} accepts account key authentication.',
});

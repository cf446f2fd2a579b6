import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-COSMOSDB-002',
  title: 'Cosmos DB account lets account keys change databases and containers',
  severity: 'medium',
  severityRationale: 'A leaked key can delete or reshape databases and containers, not just data.',
  category: 'iac',
  description:
    'Key-based metadata write access is enabled, so anyone holding an account key can create, change or delete databases and containers.',
  cwe: ['CWE-732'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'PA-7',
    },
  ],
  remediation:
    'Set access_key_metadata_writes_enabled = false (Terraform) or disableKeyBasedMetadataWriteAccess: true (ARM) and manage resources through ARM.',
  tags: ['azure', 'cosmosdb', 'identity'],
  formats: ['terraform', 'arm'],
  resources: 'azure.cosmosdb.accounts',
  when: {
    attribute: 'keyBasedMetadataWrites',
    equals: true,
  },
  message: 'Cosmos DB account {address} lets account keys change databases and containers.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-STORAGE-007',
  title: 'Storage account does not enable blob soft delete',
  severity: 'medium',
  severityRationale:
    'A deleted or overwritten blob cannot be recovered; exploiting it needs a mistake or a compromised writer.',
  category: 'iac',
  description: 'Deleted blobs are not retained, so an accidental or malicious delete is permanent.',
  cwe: ['CWE-693'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'BR-1',
    },
  ],
  remediation:
    'Add a delete retention policy for blobs (blob_properties.delete_retention_policy in Terraform, a blobServices child with deleteRetentionPolicy.enabled in ARM).',
  tags: ['azure', 'storage', 'data-protection', 'backup'],
  formats: ['terraform', 'arm'],
  resources: 'azure.storage.accounts',
  when: {
    attribute: 'blobSoftDelete.enabled',
    equals: false,
  },
  message: 'Storage account {address} does not keep deleted blobs (soft delete is off).',
});

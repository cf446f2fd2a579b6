import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-STORAGE-003',
  title: 'Storage account allows anonymous public access to blobs',
  severity: 'high',
  severityRationale:
    'One container set to public then exposes its blobs to anyone on the internet without credentials.',
  category: 'iac',
  description: 'The storage account lets containers be made publicly readable without authentication.',
  cwe: ['CWE-284'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'DP-2',
    },
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'NS-2',
    },
  ],
  remediation:
    'Set allow_nested_items_to_be_public = false (Terraform) or allowBlobPublicAccess: false (ARM).',
  tags: ['azure', 'storage', 'public-access'],
  formats: ['terraform', 'arm'],
  resources: 'azure.storage.accounts',
  when: {
    attribute: 'publicBlobAccess',
    equals: true,
  },
  message: 'Storage account {address} allows anonymous public read access to its containers.',
});

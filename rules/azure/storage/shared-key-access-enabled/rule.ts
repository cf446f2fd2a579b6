import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-STORAGE-005',
  title: 'Storage account allows shared key authorization',
  severity: 'low',
  severityRationale:
    'Account keys grant full access and cannot be scoped or tied to an identity, but exploiting this needs a leaked key.',
  category: 'iac',
  description:
    'The storage account accepts requests signed with its account keys (and SAS tokens derived from them).',
  cwe: ['CWE-287'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'IM-1',
    },
  ],
  remediation:
    'Set shared_access_key_enabled = false (Terraform) or allowSharedKeyAccess: false (ARM) and use Microsoft Entra ID authorization.',
  tags: ['azure', 'storage', 'identity'],
  formats: ['terraform', 'arm'],
  resources: 'azure.storage.accounts',
  when: {
    attribute: 'sharedKeyAccess',
    equals: true,
  },
  message: 'Storage account {address} accepts shared key authorization.',
});

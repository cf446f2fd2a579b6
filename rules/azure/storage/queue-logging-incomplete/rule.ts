import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-STORAGE-008',
  title: 'Storage queue logging does not record read, write and delete requests',
  severity: 'low',
  severityRationale: 'Missing logs hamper investigation but do not expose data by themselves.',
  category: 'iac',
  description:
    'The queue service of the storage account configures Storage Analytics logging without read, write and delete requests.',
  cwe: ['CWE-778'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'LT-3',
    },
  ],
  remediation:
    'Enable Storage Analytics logging for queue read, write and delete requests (queue_properties.logging or azurerm_storage_account_queue_properties).',
  tags: ['azure', 'storage', 'logging'],
  formats: ['terraform'],
  resources: 'azure.storage.accounts',
  when: {
    all: [
      {
        any: [
          {
            attribute: 'queueLogging.read',
            equals: false,
          },
          {
            attribute: 'queueLogging.write',
            equals: false,
          },
          {
            attribute: 'queueLogging.delete',
            equals: false,
          },
        ],
      },
      {
        attribute: 'queueLogging.configured',
        equals: true,
      },
    ],
  },
  message:
    'Storage account {address} configures its queue service without logging read, write and delete requests.',
});

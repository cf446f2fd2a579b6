import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-COMPUTE-003',
  title: 'Managed disk is not encrypted with a customer-managed key',
  severity: 'low',
  severityRationale:
    'Disks are encrypted with platform keys already; a customer key adds control over revocation and rotation.',
  category: 'iac',
  description: 'The managed disk uses platform-managed keys because no disk encryption set is attached.',
  cwe: ['CWE-311'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'DP-5',
    },
  ],
  remediation:
    'Attach a disk encryption set backed by a Key Vault key (disk_encryption_set_id / encryption.diskEncryptionSetId).',
  tags: ['azure', 'compute', 'vm', 'encryption-at-rest', 'cmk'],
  formats: ['terraform', 'arm'],
  resources: 'azure.compute.disks',
  when: {
    attribute: 'diskEncryptionSetId',
    exists: false,
  },
  message: 'Managed disk {address} is encrypted with platform-managed keys only.',
});

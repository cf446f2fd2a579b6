import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-COMPUTE-002',
  title: 'Virtual machine does not use encryption at host',
  severity: 'low',
  severityRationale:
    'Temp disks and disk caches stay unencrypted on the host; managed disks are encrypted anyway.',
  category: 'iac',
  description: 'Encryption at host is not enabled for the virtual machine or scale set.',
  cwe: ['CWE-311'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'DP-4',
    },
  ],
  remediation:
    'Set encryption_at_host_enabled = true (Terraform) or securityProfile.encryptionAtHost: true (ARM).',
  tags: ['azure', 'compute', 'vm', 'encryption-at-rest'],
  formats: ['terraform', 'arm'],
  resources: 'azure.compute.virtualMachines',
  when: {
    attribute: 'encryptionAtHost',
    equals: false,
  },
  message: 'Virtual machine {address} does not use encryption at host.',
});

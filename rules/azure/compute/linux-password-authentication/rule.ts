import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-COMPUTE-001',
  title: 'Linux virtual machine allows password authentication',
  severity: 'high',
  severityRationale: 'SSH passwords can be guessed or sprayed; keys cannot.',
  category: 'iac',
  description: 'The Linux VM or scale set accepts SSH password logins instead of requiring SSH keys.',
  cwe: ['CWE-521'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'IM-6',
    },
  ],
  remediation:
    'Set disable_password_authentication = true with an admin_ssh_key (Terraform) or linuxConfiguration.disablePasswordAuthentication: true with SSH public keys (ARM).',
  tags: ['azure', 'compute', 'vm', 'ssh', 'authentication'],
  formats: ['terraform', 'arm'],
  resources: 'azure.compute.virtualMachines',
  when: {
    all: [
      {
        attribute: 'passwordAuthDisabled',
        equals: false,
      },
      {
        attribute: 'osType',
        equals: 'Linux',
      },
    ],
  },
  message: 'Linux VM {address} allows SSH password authentication.',
});

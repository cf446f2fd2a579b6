import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-COMPUTE-006',
  title: 'Windows virtual machine has automatic updates disabled',
  severity: 'medium',
  severityRationale: 'Security patches are not installed unless someone runs another patching process.',
  category: 'iac',
  description: 'Windows Update automatic updates are turned off on the VM or scale set.',
  cwe: ['CWE-1104'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'PV-6',
    },
  ],
  remediation:
    'Leave automatic updates on (automatic_updates_enabled / enableAutomaticUpdates), or use Azure Update Manager with a patch mode that installs updates.',
  tags: ['azure', 'compute', 'vm', 'patching'],
  formats: ['terraform', 'arm'],
  resources: 'azure.compute.virtualMachines',
  when: {
    all: [
      {
        attribute: 'automaticUpdates',
        equals: false,
      },
      {
        attribute: 'osType',
        equals: 'Windows',
      },
    ],
  },
  message: 'Windows VM {address} has automatic updates disabled.',
});

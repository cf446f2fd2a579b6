import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-COMPUTE-005',
  title: 'Managed disk can be exported or imported from any network',
  severity: 'medium',
  severityRationale:
    'Anyone who gets a SAS for the disk can download it from the internet; generating one needs permissions.',
  category: 'iac',
  description:
    "The managed disk's network access policy is AllowAll and its public network access is enabled.",
  cwe: ['CWE-284'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'NS-2',
    },
  ],
  remediation:
    'Set network_access_policy = "DenyAll" (or AllowPrivate with a disk access resource) and public_network_access_enabled = false.',
  tags: ['azure', 'compute', 'vm', 'network', 'data-exfiltration'],
  formats: ['terraform', 'arm'],
  resources: 'azure.compute.disks',
  when: {
    all: [
      {
        attribute: 'networkAccessPolicy',
        equals: 'AllowAll',
      },
      {
        attribute: 'publicNetworkAccess',
        equals: true,
      },
    ],
  },
  message: 'Managed disk {address} can be exported from any network.',
});

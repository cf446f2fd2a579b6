import type { KindDefinition } from '../../model/kinds.js';
import { has, publicAccessFlag } from './common.js';

const ARM_VM = 'properties.osProfile';
const ARM_VMSS = 'properties.virtualMachineProfile.osProfile';

/** ARM machines: the OS configuration block present tells Linux from Windows. */
function armMachineSources(type: string, profile: string, security: string): KindDefinition['sources'] {
  const common = {
    name: 'name',
    encryptionAtHost: { path: `${security}.encryptionAtHost`, default: false },
  };
  return [
    {
      family: 'arm',
      types: [type],
      when: has(`${profile}.linuxConfiguration`),
      fields: {
        ...common,
        osType: { path: [], default: 'Linux' },
        passwordAuthDisabled: {
          path: `${profile}.linuxConfiguration.disablePasswordAuthentication`,
          default: false,
        },
      },
    },
    {
      family: 'arm',
      types: [type],
      when: (body) => !has(`${profile}.linuxConfiguration`)(body),
      fields: {
        ...common,
        osType: { path: `${profile}.windowsConfiguration`, map: () => 'Windows' },
        automaticUpdates: { path: `${profile}.windowsConfiguration.enableAutomaticUpdates`, default: true },
      },
    },
  ];
}

/** Virtual machines and scale sets, managed disks, VM extensions. */
export const COMPUTE_KINDS: KindDefinition[] = [
  {
    kind: 'azure.compute.virtualMachine',
    collection: 'azure.compute.virtualMachines',
    fields: {
      name: 'string',
      osType: 'string',
      passwordAuthDisabled: 'bool',
      encryptionAtHost: 'bool',
      automaticUpdates: 'bool',
    },
    sources: [
      {
        family: 'terraform',
        types: ['azurerm_linux_virtual_machine', 'azurerm_linux_virtual_machine_scale_set'],
        fields: {
          name: 'name',
          osType: { path: [], default: 'Linux' },
          passwordAuthDisabled: { path: 'disable_password_authentication', default: true },
          encryptionAtHost: { path: 'encryption_at_host_enabled', default: false },
        },
      },
      {
        family: 'terraform',
        types: ['azurerm_windows_virtual_machine', 'azurerm_windows_virtual_machine_scale_set'],
        fields: {
          name: 'name',
          osType: { path: [], default: 'Windows' },
          encryptionAtHost: { path: 'encryption_at_host_enabled', default: false },
          automaticUpdates: {
            path: ['automatic_updates_enabled', 'enable_automatic_updates'],
            default: true,
          },
        },
      },
      {
        // The legacy resource: the OS profile block says which OS it runs.
        family: 'terraform',
        types: ['azurerm_virtual_machine'],
        when: has('os_profile_linux_config'),
        fields: {
          name: 'name',
          osType: { path: [], default: 'Linux' },
          passwordAuthDisabled: 'os_profile_linux_config.disable_password_authentication',
        },
      },
      ...armMachineSources('Microsoft.Compute/virtualMachines', ARM_VM, 'properties.securityProfile'),
      ...armMachineSources(
        'Microsoft.Compute/virtualMachineScaleSets',
        ARM_VMSS,
        'properties.virtualMachineProfile.securityProfile',
      ),
    ],
  },
  {
    kind: 'azure.compute.disk',
    collection: 'azure.compute.disks',
    fields: {
      name: 'string',
      diskEncryptionSetId: 'string',
      networkAccessPolicy: 'string',
      publicNetworkAccess: 'bool',
    },
    sources: [
      {
        family: 'terraform',
        types: ['azurerm_managed_disk'],
        fields: {
          name: 'name',
          diskEncryptionSetId: { path: ['disk_encryption_set_id', 'secure_vm_disk_encryption_set_id'] },
          networkAccessPolicy: { path: 'network_access_policy', default: 'AllowAll' },
          publicNetworkAccess: { path: 'public_network_access_enabled', default: true },
        },
      },
      {
        family: 'arm',
        types: ['Microsoft.Compute/disks'],
        fields: {
          name: 'name',
          diskEncryptionSetId: {
            path: [
              'properties.encryption.diskEncryptionSetId',
              'properties.securityProfile.secureVMDiskEncryptionSetId',
            ],
          },
          networkAccessPolicy: { path: 'properties.networkAccessPolicy', default: 'AllowAll' },
          publicNetworkAccess: {
            path: 'properties.publicNetworkAccess',
            default: true,
            map: publicAccessFlag,
          },
        },
      },
    ],
  },
  {
    kind: 'azure.compute.vmExtension',
    collection: 'azure.compute.vmExtensions',
    fields: { name: 'string', publisher: 'string', extensionType: 'string', settings: 'json' },
    sources: [
      {
        family: 'terraform',
        types: ['azurerm_virtual_machine_extension', 'azurerm_virtual_machine_scale_set_extension'],
        fields: { name: 'name', publisher: 'publisher', extensionType: 'type', settings: 'settings' },
      },
      {
        family: 'arm',
        types: [
          'Microsoft.Compute/virtualMachines/extensions',
          'Microsoft.Compute/virtualMachineScaleSets/extensions',
        ],
        fields: {
          name: 'name',
          publisher: 'properties.publisher',
          extensionType: 'properties.type',
          settings: 'properties.settings',
        },
      },
    ],
  },
];

import { defineRule, field, resources } from '../../../../scanners/rules/api.js';

/** Settings keys that carry what the extension runs; they belong in protected settings. */
const COMMAND_KEYS = ['commandToExecute', 'script'];

export default defineRule({
  id: 'PAL-AZURE-COMPUTE-004',
  title: 'VM extension passes its command in public settings',
  severity: 'medium',
  severityRationale:
    'Public settings are readable by anyone with read access to the VM; commands often embed secrets.',
  category: 'iac',
  description:
    'A custom script (or run command) extension puts commandToExecute or script in its public settings instead of protected settings.',
  cwe: ['CWE-312'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'IM-8',
    },
  ],
  remediation:
    'Move commandToExecute, script and any credentials to protected_settings (Terraform) or protectedSettings (ARM).',
  tags: ['azure', 'compute', 'vm', 'secrets'],
  formats: ['terraform', 'arm'],
  check({ model, report }) {
    for (const extension of resources(model, 'azure.compute.vmExtensions')) {
      const settings = field<Record<string, unknown>>(extension, 'settings');
      if (settings.origin === 'unresolvable' || settings.value === null || typeof settings.value !== 'object')
        continue;
      const keys = Object.keys(settings.value).filter((key) => COMMAND_KEYS.includes(key));
      if (!keys.length) continue;
      report({
        resource: extension,
        attr: settings,
        message: `VM extension ${extension.address} puts ${keys.join(' and ')} in its public settings.`,
      });
    }
  },
});

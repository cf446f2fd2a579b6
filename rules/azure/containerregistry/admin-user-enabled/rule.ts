import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AZURE-CONTAINERREGISTRY-001',
  title: 'Container registry admin user is enabled',
  severity: 'high',
  severityRationale:
    'The admin account is a shared, full-access push/pull credential that cannot be scoped or attributed.',
  category: 'iac',
  description: "The registry's admin user (a username and two passwords with full rights) is enabled.",
  cwe: ['CWE-798'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'IM-1',
    },
  ],
  remediation:
    'Set admin_enabled = false (Terraform) or adminUserEnabled: false (ARM) and use managed identities, tokens or service principals.',
  tags: ['azure', 'containerregistry', 'containers', 'identity'],
  formats: ['terraform', 'arm'],
  resources: 'azure.containerregistry.registries',
  when: {
    attribute: 'adminEnabled',
    equals: true,
  },
  message: 'Container registry {address} has the admin user enabled.',
});

import { defineRule } from '../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-K8S-038',
  title: 'Binding grants permissions to anonymous or unauthenticated users',
  severity: 'critical',
  severityRationale:
    'Anyone who can reach the API server gets the bound permissions, without any credential.',
  category: 'iac',
  description:
    "A RoleBinding or ClusterRoleBinding names the user `system:anonymous` or the group `system:unauthenticated` as a subject, so requests without credentials get the role's permissions.",
  cwe: ['CWE-306', 'CWE-284'],
  remediation:
    'Remove the anonymous subject; bind the role to authenticated users, groups or service accounts that need it.',
  tags: ['kubernetes', 'rbac'],
  formats: ['kubernetes'],
  check({ model, report }) {
    for (const binding of model.kubernetes.roleBindings) {
      for (const subject of binding.subjects) {
        const name = subject.name;
        if (name.value !== 'system:anonymous' && name.value !== 'system:unauthenticated') continue;
        report({
          resource: binding,
          attr: name,
          key: name.value,
          message: `${binding.bindingKind} ${binding.name.value ?? '?'} grants ${binding.roleRefName.value ?? 'a role'} to ${name.value}.`,
        });
      }
    }
  },
});

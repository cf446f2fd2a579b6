import { defineRule } from '../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-K8S-039',
  title: 'Binding grants permissions to a default service account',
  severity: 'medium',
  severityRationale:
    'Every pod that names no service account runs as `default`, so the permissions reach workloads nobody meant to grant them to.',
  category: 'iac',
  description:
    "A RoleBinding or ClusterRoleBinding names a namespace's `default` ServiceAccount as a subject. Every pod of that namespace that does not choose a service account inherits the permissions.",
  cwe: ['CWE-269'],
  benchmarks: [{ framework: 'CIS Kubernetes', version: '1.9.0', control: '5.1.5' }],
  remediation:
    'Create a dedicated ServiceAccount for the workload that needs the permissions and bind the role to it.',
  tags: ['kubernetes', 'rbac'],
  formats: ['kubernetes'],
  check({ model, report }) {
    for (const binding of model.kubernetes.roleBindings) {
      for (const subject of binding.subjects) {
        if (subject.kind.value !== 'ServiceAccount' || subject.name.value !== 'default') continue;
        report({
          resource: binding,
          attr: subject.name,
          key: subject.namespace.value,
          message: `${binding.bindingKind} ${binding.name.value ?? '?'} grants ${binding.roleRefName.value ?? 'a role'} to the default service account of namespace ${subject.namespace.value ?? '?'}.`,
        });
      }
    }
  },
});

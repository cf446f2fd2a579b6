import { defineRule } from '../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-K8S-037',
  title: 'Binding grants the cluster-admin role',
  severity: 'high',
  severityRationale:
    'cluster-admin is full control of the cluster; every subject bound to it is a single point of compromise.',
  category: 'iac',
  description:
    'A RoleBinding or ClusterRoleBinding references the `cluster-admin` ClusterRole. Through a ClusterRoleBinding the subjects get every permission on every resource of the cluster; through a RoleBinding, every permission in the namespace, RBAC and Secrets included.',
  cwe: ['CWE-269', 'CWE-732'],
  benchmarks: [{ framework: 'CIS Kubernetes', version: '1.9.0', control: '5.1.1' }],
  remediation:
    'Bind a role with only the permissions the subject needs; keep cluster-admin for break-glass accounts outside application manifests.',
  tags: ['kubernetes', 'rbac', 'admin-privilege'],
  formats: ['kubernetes'],
  check({ model, report }) {
    for (const binding of model.kubernetes.roleBindings) {
      const roleName = binding.roleRefName;
      if (roleName.value !== 'cluster-admin' || binding.roleRefKind.value !== 'ClusterRole') continue;
      report({
        resource: binding,
        attr: roleName,
        message: `${binding.bindingKind} ${binding.name.value ?? '?'} grants cluster-admin.`,
      });
    }
  },
});

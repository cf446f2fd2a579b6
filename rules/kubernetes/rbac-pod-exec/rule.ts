import { defineRule, isKnown } from '../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-K8S-034',
  title: 'Role can exec or attach into pods',
  severity: 'high',
  severityRationale:
    'Exec into a pod is code execution as that pod, with its service account, secrets and network position.',
  category: 'iac',
  description:
    'A rule of a Role or ClusterRole grants `create` or `get` (or `*`) on `pods/exec` or `pods/attach`. Exec and attach open a shell in running containers: the subject gains their mounted secrets, service account tokens and network access.',
  cwe: ['CWE-269'],
  remediation:
    'Remove pods/exec and pods/attach from the role; give break-glass access through a separate, audited role bound only when needed.',
  tags: ['kubernetes', 'rbac'],
  formats: ['kubernetes'],
  check({ model, report }) {
    for (const role of model.kubernetes.roles) {
      for (const rule of role.rules) {
        const { apiGroups, resources, verbs } = rule;
        if (!isKnown(apiGroups) || !isKnown(resources) || !isKnown(verbs)) continue;
        if (!apiGroups.value.some((group) => group === '' || group === '*')) continue;
        const target = resources.value.find(
          (resource) => resource === 'pods/exec' || resource === 'pods/attach',
        );
        // Exec over WebSockets starts with a GET, so `get` is enough on older API servers.
        if (!target || !verbs.value.some((verb) => verb === 'create' || verb === 'get' || verb === '*'))
          continue;
        report({
          resource: role,
          attr: resources,
          message: `${role.roleKind} ${role.name.value ?? '?'} grants ${target}.`,
        });
      }
    }
  },
});

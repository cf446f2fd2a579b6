import { defineRule, isKnown } from '../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-K8S-032',
  title: 'Role grants wildcard verbs, resources or API groups',
  severity: 'high',
  severityRationale:
    'A wildcard grants every present and future permission of its kind, including secrets, exec and escalation paths.',
  category: 'iac',
  description:
    'A rule of a Role or ClusterRole uses `*` in `verbs`, `resources` or `apiGroups`. Wildcards grant far more than intended, and they silently extend to resources and verbs added to the cluster later (CRDs included).',
  cwe: ['CWE-732', 'CWE-269'],
  benchmarks: [{ framework: 'CIS Kubernetes', version: '1.9.0', control: '5.1.3' }],
  remediation: 'List the exact API groups, resources and verbs the subject needs.',
  tags: ['kubernetes', 'rbac', 'admin-privilege'],
  formats: ['kubernetes'],
  check({ model, report }) {
    for (const role of model.kubernetes.roles) {
      for (const rule of role.rules) {
        for (const [field, list] of [
          ['verbs', rule.verbs],
          ['resources', rule.resources],
          ['apiGroups', rule.apiGroups],
        ] as const) {
          if (!isKnown(list) || !list.value.includes('*')) continue;
          report({
            resource: role,
            attr: list,
            message: `${role.roleKind} ${role.name.value ?? '?'} grants any ${field === 'apiGroups' ? 'API group' : field.slice(0, -1)} (*).`,
          });
          break;
        }
      }
    }
  },
});

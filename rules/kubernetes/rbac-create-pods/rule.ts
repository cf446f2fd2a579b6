import { defineRule, isKnown } from '../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-K8S-035',
  title: 'Role can create pods',
  severity: 'medium',
  severityRationale:
    'Creating pods lets a subject run any image with any service account of the namespace, and so use its permissions and secrets.',
  category: 'iac',
  description:
    'A rule of a Role or ClusterRole grants `create` (or `*`) on `pods` in the core API group. Whoever can create a pod can mount any Secret and use any ServiceAccount of the namespace, and, without admission control, run privileged pods.',
  cwe: ['CWE-269'],
  benchmarks: [{ framework: 'CIS Kubernetes', version: '1.9.0', control: '5.1.4' }],
  remediation:
    'Grant `create` on pods only to controllers that need it; let people deploy through Deployments reviewed in version control, with Pod Security admission enforced.',
  tags: ['kubernetes', 'rbac'],
  formats: ['kubernetes'],
  check({ model, report }) {
    for (const role of model.kubernetes.roles) {
      for (const rule of role.rules) {
        const { apiGroups, resources, verbs } = rule;
        if (!isKnown(apiGroups) || !isKnown(resources) || !isKnown(verbs)) continue;
        if (!apiGroups.value.some((group) => group === '' || group === '*')) continue;
        if (!resources.value.includes('pods')) continue;
        // A `*` verb list is reported by the wildcard rule.
        if (!verbs.value.includes('create')) continue;
        report({
          resource: role,
          attr: verbs,
          message: `${role.roleKind} ${role.name.value ?? '?'} can create pods.`,
        });
      }
    }
  },
});

import { defineRule, isKnown } from '../../../scanners/rules/api.js';

const READ_VERBS = new Set(['get', 'list', 'watch', '*']);

export default defineRule({
  id: 'PAL-K8S-033',
  title: 'Role can read Secrets',
  severity: 'high',
  severityRationale: 'Read access to Secrets exposes every credential, token and key stored in them.',
  category: 'iac',
  description:
    'A rule of a Role or ClusterRole grants `get`, `list` or `watch` (or `*`) on `secrets` in the core API group. `list` and `watch` return the content of every Secret in scope, not just their names.',
  cwe: ['CWE-200', 'CWE-732'],
  benchmarks: [{ framework: 'CIS Kubernetes', version: '1.9.0', control: '5.1.2' }],
  remediation:
    'Remove secrets from the rule; where an application must read one Secret, grant `get` with `resourceNames` naming it, or mount the Secret instead.',
  tags: ['kubernetes', 'rbac'],
  formats: ['kubernetes'],
  check({ model, report }) {
    for (const role of model.kubernetes.roles) {
      for (const rule of role.rules) {
        const { apiGroups, resources, verbs, resourceNames } = rule;
        if (!isKnown(apiGroups) || !isKnown(resources) || !isKnown(verbs) || !isKnown(resourceNames))
          continue;
        if (!apiGroups.value.some((group) => group === '' || group === '*')) continue;
        if (!resources.value.includes('secrets')) continue;
        const reads = verbs.value.filter((verb) => READ_VERBS.has(verb));
        // `get` limited to named Secrets is the least-privilege form; list and watch ignore resourceNames scoping in practice.
        const broad = reads.filter((verb) => verb !== 'get' || resourceNames.value.length === 0);
        if (!broad.length) continue;
        report({
          resource: role,
          attr: verbs,
          message: `${role.roleKind} ${role.name.value ?? '?'} can ${broad.join(', ')} Secrets.`,
        });
      }
    }
  },
});

import { defineRule, isKnown } from '../../../scanners/rules/api.js';

const ESCALATION_VERBS = new Set(['escalate', 'bind', 'impersonate']);

export default defineRule({
  id: 'PAL-K8S-036',
  title: 'Role grants escalate, bind or impersonate',
  severity: 'high',
  severityRationale:
    'These verbs exist to get around RBAC: a subject holding them can obtain any permission.',
  category: 'iac',
  description:
    'A rule of a Role or ClusterRole grants `escalate` or `bind` (on roles or bindings) or `impersonate` (on users, groups or service accounts). `escalate` lets a subject write roles with permissions it lacks, `bind` lets it bind roles it does not hold, and `impersonate` lets it act as anyone, system:masters included.',
  cwe: ['CWE-269'],
  benchmarks: [{ framework: 'CIS Kubernetes', version: '1.9.0', control: '5.1.8' }],
  remediation:
    'Remove the escalate, bind and impersonate verbs; keep them for cluster administrators and RBAC controllers.',
  tags: ['kubernetes', 'rbac'],
  formats: ['kubernetes'],
  check({ model, report }) {
    for (const role of model.kubernetes.roles) {
      for (const rule of role.rules) {
        const verbs = rule.verbs;
        if (!isKnown(verbs)) continue;
        const granted = verbs.value.filter((verb) => ESCALATION_VERBS.has(verb));
        if (!granted.length) continue;
        report({
          resource: role,
          attr: verbs,
          message: `${role.roleKind} ${role.name.value ?? '?'} grants ${granted.join(', ')}.`,
        });
      }
    }
  },
});

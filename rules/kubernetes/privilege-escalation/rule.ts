import { defineRule } from '../../../scanners/rules/api.js';
import { containersOf, describeContainer } from '../workloads.js';

export default defineRule({
  id: 'PAL-K8S-013',
  title: 'Container allows privilege escalation',
  severity: 'medium',
  severityRationale:
    'Escalation through setuid binaries or file capabilities turns a foothold into root inside the container.',
  category: 'iac',
  description:
    "Unless `securityContext.allowPrivilegeEscalation` is false, Kubernetes lets the container's processes gain more privileges than their parent (the no_new_privs flag is not set), for example through setuid binaries. A missing setting defaults to true.",
  cwe: ['CWE-269'],
  benchmarks: [
    { framework: 'Pod Security Standards', version: 'v1.30', control: 'restricted/privilege-escalation' },
    { framework: 'CIS Kubernetes', version: '1.9.0', control: '5.2.6' },
  ],
  remediation: 'Set `securityContext.allowPrivilegeEscalation: false` on every container.',
  tags: ['kubernetes', 'pod-security'],
  formats: ['kubernetes'],
  check({ model, report }) {
    for (const item of containersOf(model)) {
      const escalation = item.container.securityContext.allowPrivilegeEscalation;
      if (escalation.origin === 'unresolvable' || escalation.value !== true) continue;
      report({
        resource: item.container,
        attr: escalation,
        message: `${describeContainer(item)} allows privilege escalation.`,
      });
    }
  },
});

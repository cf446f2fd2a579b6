import { defineRule } from '../../../scanners/rules/api.js';
import { containersOf, describeContainer, LONG_RUNNING_KINDS } from '../workloads.js';

export default defineRule({
  id: 'PAL-K8S-047',
  title: 'Container has no readiness probe',
  severity: 'info',
  severityRationale: 'Probes are about availability, not security: reported for information.',
  category: 'iac',
  description:
    'A container of a long-running workload (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController) declares no `readinessProbe`. Without a readiness probe, a container receives traffic as soon as it starts and while it is overloaded, so rollouts and restarts produce errors for clients.',
  cwe: ['CWE-754'],
  remediation: "Add a `readinessProbe` that checks the application's health endpoint or port.",
  tags: ['kubernetes', 'reliability'],
  formats: ['kubernetes'],
  check({ model, report }) {
    for (const item of containersOf(model)) {
      if (item.container.role !== 'regular' || !LONG_RUNNING_KINDS.has(item.workload.workloadKind)) continue;
      const probe = item.container.readinessProbe;
      if (probe.value !== false) continue;
      report({
        resource: item.container,
        attr: probe,
        message: `${describeContainer(item)} has no readiness probe.`,
      });
    }
  },
});

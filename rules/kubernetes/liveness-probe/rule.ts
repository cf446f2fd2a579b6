import { defineRule } from '../../../scanners/rules/api.js';
import { containersOf, describeContainer, LONG_RUNNING_KINDS } from '../workloads.js';

export default defineRule({
  id: 'PAL-K8S-046',
  title: 'Container has no liveness probe',
  severity: 'info',
  severityRationale: 'Probes are about availability, not security: reported for information.',
  category: 'iac',
  description:
    'A container of a long-running workload (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController) declares no `livenessProbe`. Without a liveness probe, a container that hangs (deadlock, exhausted pool) keeps running and keeps receiving traffic until someone restarts it by hand.',
  cwe: ['CWE-754'],
  remediation: "Add a `livenessProbe` that checks the application's health endpoint or port.",
  tags: ['kubernetes', 'reliability'],
  formats: ['kubernetes'],
  check({ model, report }) {
    for (const item of containersOf(model)) {
      if (item.container.role !== 'regular' || !LONG_RUNNING_KINDS.has(item.workload.workloadKind)) continue;
      const probe = item.container.livenessProbe;
      if (probe.value !== false) continue;
      report({
        resource: item.container,
        attr: probe,
        message: `${describeContainer(item)} has no liveness probe.`,
      });
    }
  },
});

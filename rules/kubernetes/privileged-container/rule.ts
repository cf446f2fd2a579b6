import { defineRule, isKnownValue } from '../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-K8S-001',
  title: 'Container runs in privileged mode',
  severity: 'high',
  severityRationale:
    'A privileged container has every capability and the host devices: escaping it is trivial.',
  category: 'iac',
  description:
    'A privileged container runs with all Linux capabilities and access to the host devices, so a compromise of the container is a compromise of the node.',
  cwe: ['CWE-250'],
  benchmarks: [
    { framework: 'Pod Security Standards', version: 'v1.30', control: 'baseline/privileged-containers' },
    { framework: 'CIS Kubernetes', version: '1.9.0', control: '5.2.2' },
  ],
  remediation:
    'Remove `securityContext.privileged: true`, and grant only the capabilities the process needs.',
  tags: ['kubernetes', 'pod-security'],
  formats: ['kubernetes'],
  check({ model, report }) {
    for (const workload of model.kubernetes.workloads) {
      for (const container of workload.containers) {
        const privileged = container.securityContext.privileged;
        if (!isKnownValue(privileged, true)) continue;
        report({
          resource: container,
          attr: privileged,
          message: `Container ${container.name.value ?? '?'} of ${workload.workloadKind} ${workload.name.value ?? '?'} runs privileged.`,
        });
      }
    }
  },
});

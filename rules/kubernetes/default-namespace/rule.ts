import { defineRule } from '../../../scanners/rules/api.js';
import { describeWorkload } from '../workloads.js';

export default defineRule({
  id: 'PAL-K8S-044',
  title: 'Workload runs in the default namespace',
  severity: 'low',
  severityRationale:
    'The default namespace mixes unrelated workloads under one set of policies; it is an organisational weakness, not an exposure.',
  category: 'iac',
  description:
    'A workload names `namespace: default` or no namespace at all. Workloads in the default namespace share its service accounts, RBAC bindings, quotas and network policies with everything else dropped there.',
  cwe: ['CWE-653'],
  benchmarks: [{ framework: 'CIS Kubernetes', version: '1.9.0', control: '5.7.4' }],
  remediation:
    'Create a namespace per application or team and set `metadata.namespace` on its manifests (or in the kustomization).',
  tags: ['kubernetes', 'isolation'],
  formats: ['kubernetes'],
  check({ model, report }) {
    for (const workload of model.kubernetes.workloads) {
      const namespace = workload.namespace;
      if (namespace.origin === 'unresolvable' || namespace.value !== 'default') continue;
      report({
        resource: workload,
        attr: namespace,
        message: `${describeWorkload(workload)} runs in the default namespace.`,
      });
    }
  },
});

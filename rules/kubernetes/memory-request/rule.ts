import { defineRule } from '../../../scanners/rules/api.js';
import { containersOf, describeContainer } from '../workloads.js';

export default defineRule({
  id: 'PAL-K8S-025',
  title: 'Container has no memory request',
  severity: 'low',
  severityRationale: 'Missing requests make scheduling and eviction unpredictable rather than insecure.',
  category: 'iac',
  description:
    'The container does not set `resources.requests.memory`. Without a memory request the scheduler assumes the container needs none, packs nodes too tightly, and the pod is among the first evicted under memory pressure.',
  cwe: ['CWE-770'],
  remediation:
    'Set `resources.requests.memory` on every container (or give the namespace a LimitRange with a default).',
  tags: ['kubernetes', 'resources'],
  formats: ['kubernetes'],
  check({ model, report }) {
    for (const item of containersOf(model)) {
      // Ephemeral debug containers cannot declare resources.
      if (item.container.role === 'ephemeral') continue;
      const value = item.container.resources.requestsMemory;
      if (value.origin !== 'default') continue;
      // Kubernetes copies a limit into a missing request.
      if (item.container.resources.limitsMemory.origin !== 'default') continue;
      report({
        resource: item.container,
        attr: value,
        message: `${describeContainer(item)} sets no memory request.`,
      });
    }
  },
});

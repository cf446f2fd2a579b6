import { defineRule } from '../../../scanners/rules/api.js';
import { containersOf, describeContainer } from '../workloads.js';

export default defineRule({
  id: 'PAL-K8S-023',
  title: 'Container has no memory limit',
  severity: 'medium',
  severityRationale:
    "Without a memory limit one container can exhaust the node's memory and get other pods evicted or killed.",
  category: 'iac',
  description:
    'The container does not set `resources.limits.memory`. A container without a memory limit can use all the memory of its node. A leak or a deliberate allocation then triggers the kernel OOM killer and kubelet evictions that hit other workloads on the node.',
  cwe: ['CWE-770'],
  remediation:
    'Set `resources.limits.memory` on every container (or give the namespace a LimitRange with a default).',
  tags: ['kubernetes', 'resources'],
  formats: ['kubernetes'],
  check({ model, report }) {
    for (const item of containersOf(model)) {
      // Ephemeral debug containers cannot declare resources.
      if (item.container.role === 'ephemeral') continue;
      const value = item.container.resources.limitsMemory;
      if (value.origin !== 'default') continue;
      report({
        resource: item.container,
        attr: value,
        message: `${describeContainer(item)} sets no memory limit.`,
      });
    }
  },
});

import { defineRule } from '../../../scanners/rules/api.js';
import { containersOf, describeContainer } from '../workloads.js';

export default defineRule({
  id: 'PAL-K8S-024',
  title: 'Container has no CPU limit',
  severity: 'low',
  severityRationale:
    'Without a CPU limit a busy container slows its neighbours, but CPU starvation is recoverable.',
  category: 'iac',
  description:
    'The container does not set `resources.limits.cpu`. A container without a CPU limit can take every idle CPU cycle of the node. A runaway process or a crypto-miner dropped into it then degrades every other workload there.',
  cwe: ['CWE-770'],
  remediation:
    'Set `resources.limits.cpu` on every container (or give the namespace a LimitRange with a default).',
  tags: ['kubernetes', 'resources'],
  formats: ['kubernetes'],
  check({ model, report }) {
    for (const item of containersOf(model)) {
      // Ephemeral debug containers cannot declare resources.
      if (item.container.role === 'ephemeral') continue;
      const value = item.container.resources.limitsCpu;
      if (value.origin !== 'default') continue;
      report({
        resource: item.container,
        attr: value,
        message: `${describeContainer(item)} sets no cpu limit.`,
      });
    }
  },
});

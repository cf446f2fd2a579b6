import { defineRule } from '../../../scanners/rules/api.js';
import { containersOf, describeContainer } from '../workloads.js';

export default defineRule({
  id: 'PAL-K8S-026',
  title: 'Container has no CPU request',
  severity: 'low',
  severityRationale: 'Missing requests make scheduling unpredictable rather than insecure.',
  category: 'iac',
  description:
    'The container does not set `resources.requests.cpu`. Without a CPU request the scheduler assumes the container needs no CPU, so nodes get overcommitted and the container gets the smallest share of CPU under contention.',
  cwe: ['CWE-770'],
  remediation:
    'Set `resources.requests.cpu` on every container (or give the namespace a LimitRange with a default).',
  tags: ['kubernetes', 'resources'],
  formats: ['kubernetes'],
  check({ model, report }) {
    for (const item of containersOf(model)) {
      // Ephemeral debug containers cannot declare resources.
      if (item.container.role === 'ephemeral') continue;
      const value = item.container.resources.requestsCpu;
      if (value.origin !== 'default') continue;
      // Kubernetes copies a limit into a missing request.
      if (item.container.resources.limitsCpu.origin !== 'default') continue;
      report({
        resource: item.container,
        attr: value,
        message: `${describeContainer(item)} sets no cpu request.`,
      });
    }
  },
});

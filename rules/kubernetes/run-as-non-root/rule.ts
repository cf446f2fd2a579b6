import { defineRule, isKnown } from '../../../scanners/rules/api.js';
import { containersOf, describeContainer } from '../workloads.js';

export default defineRule({
  id: 'PAL-K8S-011',
  title: 'Container may run as root',
  severity: 'medium',
  severityRationale:
    'Root in a container is not root on the node, but it makes every escape and misconfiguration worse.',
  category: 'iac',
  description:
    'Neither the container nor its pod sets `securityContext.runAsNonRoot: true`, and no non-zero `runAsUser` is set, so the container runs as whatever user its image says, which is root for most images.',
  cwe: ['CWE-250'],
  benchmarks: [
    { framework: 'Pod Security Standards', version: 'v1.30', control: 'restricted/running-as-non-root' },
    { framework: 'CIS Kubernetes', version: '1.9.0', control: '5.2.7' },
  ],
  remediation:
    'Set `runAsNonRoot: true` in the pod (or container) securityContext, and build the image with a non-root USER or set `runAsUser` to a non-zero id.',
  tags: ['kubernetes', 'pod-security'],
  formats: ['kubernetes'],
  check({ model, report }) {
    for (const item of containersOf(model)) {
      const context = item.container.securityContext;
      if (context.runAsNonRoot.origin === 'unresolvable' || context.runAsNonRoot.value === true) continue;
      // A known non-zero user id already keeps the process away from root.
      if (isKnown(context.runAsUser) && context.runAsUser.value > 0) continue;
      if (context.runAsUser.origin === 'unresolvable') continue;
      report({
        resource: item.container,
        attr: context.runAsNonRoot,
        message: `${describeContainer(item)} does not require a non-root user (runAsNonRoot is not true).`,
      });
    }
  },
});

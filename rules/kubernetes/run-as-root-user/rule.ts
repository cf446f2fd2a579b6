import { defineRule, isKnownValue } from '../../../scanners/rules/api.js';
import { containersOf, describeContainer } from '../workloads.js';

export default defineRule({
  id: 'PAL-K8S-012',
  title: 'Container runs as user id 0 (root)',
  severity: 'high',
  severityRationale: 'The manifest forces the container process to be root, whatever the image asks for.',
  category: 'iac',
  description:
    '`securityContext.runAsUser: 0`, on the container or inherited from the pod, makes the container process run as root.',
  cwe: ['CWE-250'],
  benchmarks: [
    { framework: 'Pod Security Standards', version: 'v1.30', control: 'restricted/running-as-non-root-user' },
    { framework: 'CIS Kubernetes', version: '1.9.0', control: '5.2.7' },
  ],
  remediation:
    'Set `runAsUser` to a non-zero id (10000 or above avoids clashing with host users) and `runAsNonRoot: true`.',
  tags: ['kubernetes', 'pod-security'],
  formats: ['kubernetes'],
  check({ model, report }) {
    for (const item of containersOf(model)) {
      const user = item.container.securityContext.runAsUser;
      if (!isKnownValue(user, 0)) continue;
      report({
        resource: item.container,
        attr: user,
        message: `${describeContainer(item)} runs as user id 0 (root).`,
      });
    }
  },
});

import { defineRule } from '../../../scanners/rules/api.js';
import { containersOf, describeContainer } from '../workloads.js';

export default defineRule({
  id: 'PAL-K8S-022',
  title: 'Container root filesystem is writable',
  severity: 'low',
  severityRationale:
    'A writable root filesystem lets an intruder persist tools and change binaries, but is not an exposure by itself.',
  category: 'iac',
  description:
    'Unless `securityContext.readOnlyRootFilesystem` is true, processes in the container can write anywhere in the image filesystem.',
  cwe: ['CWE-732'],
  remediation:
    'Set `readOnlyRootFilesystem: true` and mount an emptyDir where the application needs to write (for example /tmp).',
  tags: ['kubernetes', 'pod-security'],
  formats: ['kubernetes'],
  check({ model, report }) {
    for (const item of containersOf(model)) {
      const readOnly = item.container.securityContext.readOnlyRootFilesystem;
      if (readOnly.origin === 'unresolvable' || readOnly.value !== false) continue;
      report({
        resource: item.container,
        attr: readOnly,
        message: `${describeContainer(item)} has a writable root filesystem.`,
      });
    }
  },
});

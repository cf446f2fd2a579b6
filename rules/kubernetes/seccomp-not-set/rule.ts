import { defineRule } from '../../../scanners/rules/api.js';
import { containersOf, describeContainer } from '../workloads.js';

export default defineRule({
  id: 'PAL-K8S-015',
  title: 'Container has no seccomp profile',
  severity: 'low',
  severityRationale:
    'Without a profile the kubelet runs the container unconfined unless the cluster enables seccomp by default.',
  category: 'iac',
  description:
    'Neither the container nor its pod sets `securityContext.seccompProfile`. Unless the kubelet runs with `--seccomp-default`, the container then runs without system call filtering. The restricted Pod Security Standard requires `RuntimeDefault` or `Localhost`.',
  cwe: ['CWE-693'],
  benchmarks: [
    { framework: 'Pod Security Standards', version: 'v1.30', control: 'restricted/seccomp' },
    { framework: 'CIS Kubernetes', version: '1.9.0', control: '5.7.2' },
  ],
  remediation: 'Set `securityContext.seccompProfile.type: RuntimeDefault` in the pod spec.',
  tags: ['kubernetes', 'pod-security'],
  formats: ['kubernetes'],
  check({ model, report }) {
    for (const item of containersOf(model)) {
      const profile = item.container.securityContext.seccompProfileType;
      if (profile.origin !== 'default') continue;
      report({
        resource: item.container,
        attr: profile,
        message: `${describeContainer(item)} sets no seccomp profile.`,
      });
    }
  },
});

import { defineRule } from '../../../scanners/rules/api.js';
import { containersOf, describeContainer } from '../workloads.js';

export default defineRule({
  id: 'PAL-K8S-010',
  title: 'Container does not drop all capabilities',
  severity: 'low',
  severityRationale:
    "The runtime's default capability set is broader than most processes need, but using it is not an exploit by itself.",
  category: 'iac',
  description:
    'Without `capabilities.drop: ["ALL"]` a container keeps the container runtime\'s default capabilities (CHOWN, DAC_OVERRIDE, FOWNER, SETUID, SETGID, NET_RAW with some runtimes, …). The restricted Pod Security Standard requires dropping ALL and adding back only NET_BIND_SERVICE.',
  cwe: ['CWE-250'],
  benchmarks: [
    { framework: 'Pod Security Standards', version: 'v1.30', control: 'restricted/capabilities' },
    { framework: 'CIS Kubernetes', version: '1.9.0', control: '5.2.10' },
  ],
  remediation:
    'Add `securityContext.capabilities.drop: ["ALL"]` to the container and add back only what the process needs.',
  tags: ['kubernetes', 'pod-security'],
  formats: ['kubernetes'],
  check({ model, report }) {
    for (const item of containersOf(model)) {
      const context = item.container.securityContext;
      if (!context.capabilitiesKnown) continue;
      if (context.capabilitiesDrop.some((capability) => capability.value === 'ALL')) continue;
      report({
        resource: item.container,
        message: `${describeContainer(item)} does not drop ALL capabilities.`,
      });
    }
  },
});

import { defineRule, isKnown } from '../../../scanners/rules/api.js';
import { containersOf, describeContainer } from '../workloads.js';

const ALLOWED_TYPES = new Set(['container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t']);

export default defineRule({
  id: 'PAL-K8S-017',
  title: 'Container sets a custom SELinux user, role or type',
  severity: 'medium',
  severityRationale:
    'A custom SELinux type or user can lift the container out of the confined container domain.',
  category: 'iac',
  description:
    '`seLinuxOptions` sets a `type` other than container_t, container_init_t, container_kvm_t or container_engine_t, or sets a `user` or `role`, on the container or its pod. The baseline Pod Security Standard forbids both, since they can run the container in an unconfined SELinux domain such as spc_t.',
  cwe: ['CWE-693'],
  benchmarks: [{ framework: 'Pod Security Standards', version: 'v1.30', control: 'baseline/selinux' }],
  remediation:
    'Remove `seLinuxOptions.type`, `user` and `role`; keep only `level` if the workload needs a specific MCS label.',
  tags: ['kubernetes', 'pod-security'],
  formats: ['kubernetes'],
  check({ model, report }) {
    for (const item of containersOf(model)) {
      const context = item.container.securityContext;
      const type = context.seLinuxType;
      if (isKnown(type) && !ALLOWED_TYPES.has(type.value)) {
        report({
          resource: item.container,
          attr: type,
          key: 'type',
          message: `${describeContainer(item)} runs with the SELinux type ${type.value}.`,
        });
      }
      for (const [key, option] of [
        ['user', context.seLinuxUser],
        ['role', context.seLinuxRole],
      ] as const) {
        if (!isKnown(option)) continue;
        report({
          resource: item.container,
          attr: option,
          key,
          message: `${describeContainer(item)} sets the SELinux ${key} ${option.value}.`,
        });
      }
    }
  },
});

import { conditionRule } from '../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-K8S-018',
  title: 'Container mounts /proc unmasked',
  severity: 'medium',
  severityRationale:
    'An unmasked /proc exposes kernel interfaces that the runtime normally hides from containers.',
  category: 'iac',
  description:
    '`securityContext.procMount: Unmasked` turns off the masking and read-only paths the container runtime applies to `/proc` (such as `/proc/kcore`, `/proc/sysrq-trigger` and `/proc/sys`).',
  cwe: ['CWE-200', 'CWE-668'],
  benchmarks: [{ framework: 'Pod Security Standards', version: 'v1.30', control: 'baseline/proc-mount' }],
  remediation: 'Remove `procMount` or set it to `Default`.',
  tags: ['kubernetes', 'pod-security'],
  formats: ['kubernetes'],
  resources: 'kubernetes.workloads[].containers',
  when: { attribute: 'securityContext.procMount', equals: 'Unmasked' },
  message: 'Container {address} mounts /proc unmasked.',
});

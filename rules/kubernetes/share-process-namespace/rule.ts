import { conditionRule } from '../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-K8S-049',
  title: 'Pod containers share one process namespace',
  severity: 'low',
  severityRationale:
    "Sharing is limited to the pod's own containers, but it lets one container read the others' memory, environment and files.",
  category: 'iac',
  description:
    "`shareProcessNamespace: true` puts all containers of the pod in one PID namespace. Each container sees the others' processes, can signal them and, as the same user or with CAP_SYS_PTRACE, read their environment and filesystem through `/proc/<pid>/root`.",
  cwe: ['CWE-653'],
  remediation:
    'Remove `shareProcessNamespace` unless a sidecar truly needs it (for debugging use an ephemeral container instead).',
  tags: ['kubernetes', 'pod-security'],
  formats: ['kubernetes'],
  resources: 'kubernetes.workloads',
  when: { attribute: 'shareProcessNamespace', equals: true },
  message: 'Workload {address} shares one process namespace between its containers.',
});

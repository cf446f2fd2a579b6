import { conditionRule } from '../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-K8S-004',
  title: 'Pod shares the host IPC namespace',
  severity: 'high',
  severityRationale:
    'Sharing the host IPC namespace removes an isolation boundary between the pod and the node.',
  category: 'iac',
  description:
    "A pod with `hostIPC: true` shares the node's IPC namespace instead of getting its own. Its processes can read and write the shared memory and message queues of every process on the node.",
  cwe: ['CWE-653'],
  benchmarks: [
    { framework: 'Pod Security Standards', version: 'v1.30', control: 'baseline/host-namespaces' },
    { framework: 'CIS Kubernetes', version: '1.9.0', control: '5.2.4' },
  ],
  remediation: 'Remove `hostIPC` from the pod spec, or set it to `false`.',
  tags: ['kubernetes', 'pod-security'],
  formats: ['kubernetes'],
  resources: 'kubernetes.workloads',
  when: { attribute: 'hostIPC', equals: true },
  message: 'Workload {address} shares the host IPC namespace (hostIPC: true).',
});

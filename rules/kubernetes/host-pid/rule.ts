import { conditionRule } from '../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-K8S-003',
  title: 'Pod shares the host process ID namespace',
  severity: 'high',
  severityRationale:
    'Sharing the host process ID namespace removes an isolation boundary between the pod and the node.',
  category: 'iac',
  description:
    "A pod with `hostPID: true` shares the node's process ID namespace instead of getting its own. Its processes see every process of the node, can read their environment and, with enough privileges, inject code into them.",
  cwe: ['CWE-653'],
  benchmarks: [
    { framework: 'Pod Security Standards', version: 'v1.30', control: 'baseline/host-namespaces' },
    { framework: 'CIS Kubernetes', version: '1.9.0', control: '5.2.3' },
  ],
  remediation: 'Remove `hostPID` from the pod spec, or set it to `false`.',
  tags: ['kubernetes', 'pod-security'],
  formats: ['kubernetes'],
  resources: 'kubernetes.workloads',
  when: { attribute: 'hostPID', equals: true },
  message: 'Workload {address} shares the host process ID namespace (hostPID: true).',
});

import { conditionRule } from '../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-K8S-002',
  title: 'Pod shares the host network namespace',
  severity: 'high',
  severityRationale:
    'Sharing the host network namespace removes an isolation boundary between the pod and the node.',
  category: 'iac',
  description:
    "A pod with `hostNetwork: true` shares the node's network namespace instead of getting its own. It sees every interface of the node, can bind to node ports, reach services listening on localhost of the node, and bypasses NetworkPolicies.",
  cwe: ['CWE-653'],
  benchmarks: [
    { framework: 'Pod Security Standards', version: 'v1.30', control: 'baseline/host-namespaces' },
    { framework: 'CIS Kubernetes', version: '1.9.0', control: '5.2.5' },
  ],
  remediation: 'Remove `hostNetwork` from the pod spec, or set it to `false`.',
  tags: ['kubernetes', 'pod-security'],
  formats: ['kubernetes'],
  resources: 'kubernetes.workloads',
  when: { attribute: 'hostNetwork', equals: true },
  message: 'Workload {address} shares the host network namespace (hostNetwork: true).',
});

import { conditionRule } from '../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-K8S-021',
  title: 'Windows container runs as a HostProcess',
  severity: 'high',
  severityRationale: "A HostProcess container runs directly on the Windows node with the node's privileges.",
  category: 'iac',
  description:
    '`securityContext.windowsOptions.hostProcess: true`, on the container or the pod, runs the container as a process on the Windows host, with access to the host network, filesystem and, usually, SYSTEM privileges.',
  cwe: ['CWE-250'],
  benchmarks: [
    { framework: 'Pod Security Standards', version: 'v1.30', control: 'baseline/host-process' },
    { framework: 'CIS Kubernetes', version: '1.9.0', control: '5.2.11' },
  ],
  remediation:
    'Remove `windowsOptions.hostProcess`; run node administration tasks outside application namespaces.',
  tags: ['kubernetes', 'pod-security', 'windows'],
  formats: ['kubernetes'],
  resources: 'kubernetes.workloads[].containers',
  when: { attribute: 'securityContext.windowsHostProcess', equals: true },
  message: 'Container {address} runs as a Windows HostProcess container.',
});

import { conditionRule } from '../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-K8S-014',
  title: 'Container runs with seccomp explicitly unconfined',
  severity: 'medium',
  severityRationale:
    'Turning seccomp off exposes every kernel system call to the container, including rarely used ones behind many kernel escapes.',
  category: 'iac',
  description:
    'A `seccompProfile.type: Unconfined`, on the container or inherited from the pod, disables system call filtering for the container.',
  cwe: ['CWE-693'],
  benchmarks: [
    { framework: 'Pod Security Standards', version: 'v1.30', control: 'baseline/seccomp' },
    { framework: 'CIS Kubernetes', version: '1.9.0', control: '5.7.2' },
  ],
  remediation:
    'Set `seccompProfile.type` to `RuntimeDefault` (or `Localhost` with a reviewed profile) in the pod securityContext.',
  tags: ['kubernetes', 'pod-security'],
  formats: ['kubernetes'],
  resources: 'kubernetes.workloads[].containers',
  when: { attribute: 'securityContext.seccompProfileType', equals: 'Unconfined' },
  message: 'Container {address} runs with seccomp unconfined.',
});

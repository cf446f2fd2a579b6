import { defineRule } from '../../../scanners/rules/api.js';
import { addedCapabilityCheck, NODE_TAKEOVER_CAPABILITIES } from '../capabilities.js';

export default defineRule({
  id: 'PAL-K8S-009',
  title: 'Container adds a capability that gives control of the node',
  severity: 'high',
  severityRationale:
    'SYS_ADMIN, SYS_MODULE, SYS_PTRACE, NET_ADMIN, ALL and similar capabilities are well-known container escapes.',
  category: 'iac',
  description:
    '`securityContext.capabilities.add` names ALL or a capability that lets a process escape its container or take over the node: SYS_ADMIN (mounts, namespaces), SYS_MODULE (kernel modules), SYS_PTRACE (other processes), SYS_RAWIO, SYS_BOOT, SYS_TIME, NET_ADMIN, DAC_READ_SEARCH, BPF, PERFMON, MAC_ADMIN, MAC_OVERRIDE.',
  cwe: ['CWE-250'],
  benchmarks: [
    { framework: 'Pod Security Standards', version: 'v1.30', control: 'baseline/capabilities' },
    { framework: 'CIS Kubernetes', version: '1.9.0', control: '5.2.9' },
  ],
  remediation:
    'Remove the capability. A workload that truly needs it (a CNI or storage driver) belongs in a dedicated, tightly controlled namespace.',
  tags: ['kubernetes', 'pod-security'],
  formats: ['kubernetes'],
  check: addedCapabilityCheck(
    (name) => NODE_TAKEOVER_CAPABILITIES.has(name),
    'which gives control of the node',
  ),
});

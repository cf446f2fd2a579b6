import { defineRule } from '../../../scanners/rules/api.js';
import { addedCapabilityCheck, NODE_TAKEOVER_CAPABILITIES } from '../capabilities.js';

const BASELINE = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

export default defineRule({
  id: 'PAL-K8S-008',
  title: 'Container adds capabilities beyond the baseline set',
  severity: 'medium',
  severityRationale:
    'Extra capabilities widen what a compromised process can do; the node-takeover ones are reported as high by PAL-K8S-009.',
  category: 'iac',
  description:
    '`securityContext.capabilities.add` names a Linux capability outside the Pod Security Standards baseline set (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT). Capabilities that amount to node takeover are reported by PAL-K8S-009 instead.',
  cwe: ['CWE-250'],
  benchmarks: [
    { framework: 'Pod Security Standards', version: 'v1.30', control: 'baseline/capabilities' },
    { framework: 'CIS Kubernetes', version: '1.9.0', control: '5.2.9' },
  ],
  remediation:
    'Remove the capability from `capabilities.add`; if the process needs it, document why and isolate the workload.',
  tags: ['kubernetes', 'pod-security'],
  formats: ['kubernetes'],
  check: addedCapabilityCheck(
    // The node-takeover capabilities are PAL-K8S-009's (high) finding.
    (name) => !BASELINE.has(name) && !NODE_TAKEOVER_CAPABILITIES.has(name),
    'outside the baseline set',
  ),
});

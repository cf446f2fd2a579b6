import { defineRule, isKnown } from '../../../scanners/rules/api.js';
import { describeWorkload } from '../workloads.js';

const SAFE = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
]);

export default defineRule({
  id: 'PAL-K8S-019',
  title: 'Pod sets a sysctl outside the safe set',
  severity: 'medium',
  severityRationale:
    'Unsafe sysctls are not namespaced or not isolated: they can affect every pod on the node.',
  category: 'iac',
  description:
    '`securityContext.sysctls` names a kernel parameter outside the safe set of the baseline Pod Security Standard (kernel.shm_rmid_forced, net.ipv4.ip_local_port_range, net.ipv4.ip_unprivileged_port_start, net.ipv4.tcp_syncookies, net.ipv4.ping_group_range, net.ipv4.ip_local_reserved_ports, net.ipv4.tcp_keepalive_time, net.ipv4.tcp_fin_timeout, net.ipv4.tcp_keepalive_intvl, net.ipv4.tcp_keepalive_probes).',
  cwe: ['CWE-668'],
  benchmarks: [{ framework: 'Pod Security Standards', version: 'v1.30', control: 'baseline/sysctls' }],
  remediation:
    'Remove the sysctl, or tune it on the node (a node pool for the workload) instead of from the pod.',
  tags: ['kubernetes', 'pod-security'],
  formats: ['kubernetes'],
  check({ model, report }) {
    for (const workload of model.kubernetes.workloads) {
      for (const sysctl of workload.securityContext.sysctls) {
        const name = sysctl.name;
        // Either separator spelling names the same parameter.
        if (!isKnown(name) || SAFE.has(name.value.replaceAll('/', '.'))) continue;
        report({
          resource: workload,
          attr: name,
          key: name.value,
          message: `${describeWorkload(workload)} sets the unsafe sysctl ${name.value}.`,
        });
      }
    }
  },
});

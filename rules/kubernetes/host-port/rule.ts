import { defineRule, isKnown } from '../../../scanners/rules/api.js';
import { containersOf, describeContainer } from '../workloads.js';

export default defineRule({
  id: 'PAL-K8S-007',
  title: 'Container binds a host port',
  severity: 'medium',
  severityRationale:
    "A host port exposes the container on the node's address, outside Services and often outside NetworkPolicies.",
  category: 'iac',
  description:
    'A `hostPort` publishes the container port on every address of the node it runs on. It bypasses the Service layer, can be reached from outside the cluster network, and limits scheduling to one such pod per node.',
  cwe: ['CWE-668'],
  benchmarks: [
    { framework: 'Pod Security Standards', version: 'v1.30', control: 'baseline/host-ports' },
    { framework: 'CIS Kubernetes', version: '1.9.0', control: '5.2.13' },
  ],
  remediation:
    'Remove `hostPort` and expose the container through a Service (ClusterIP, or a LoadBalancer or Ingress for outside traffic).',
  tags: ['kubernetes', 'pod-security', 'network'],
  formats: ['kubernetes'],
  check({ model, report }) {
    for (const item of containersOf(model)) {
      for (const port of item.container.ports) {
        const hostPort = port.hostPort;
        if (!isKnown(hostPort) || hostPort.value <= 0) continue;
        report({
          resource: item.container,
          attr: hostPort,
          message: `${describeContainer(item)} binds host port ${hostPort.value}.`,
        });
      }
    }
  },
});

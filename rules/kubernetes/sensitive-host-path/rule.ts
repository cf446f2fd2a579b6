import { defineRule, isKnown } from '../../../scanners/rules/api.js';
import { describeWorkload, isSensitiveHostPath } from '../workloads.js';

export default defineRule({
  id: 'PAL-K8S-006',
  title: 'Pod mounts a sensitive host path',
  severity: 'high',
  severityRationale:
    'Mounting the node root, its configuration or a container runtime socket gives the pod control of the node.',
  category: 'iac',
  description:
    'A hostPath volume of `/`, `/etc`, `/proc`, `/sys`, `/var/lib/kubelet`, a container runtime socket (`docker.sock`, `containerd.sock`, `crio.sock`) or a similar path hands the pod the node: it can read credentials, start privileged containers through the runtime, or rewrite the node configuration.',
  cwe: ['CWE-250', 'CWE-668'],
  benchmarks: [
    { framework: 'Pod Security Standards', version: 'v1.30', control: 'baseline/host-path-volumes' },
    { framework: 'CIS Kubernetes', version: '1.9.0', control: '5.2.12' },
  ],
  remediation:
    'Remove the hostPath volume. If an agent truly needs the runtime or node files, run it in a dedicated, locked-down namespace and mount the narrowest path read-only.',
  tags: ['kubernetes', 'pod-security'],
  formats: ['kubernetes'],
  check({ model, report }) {
    for (const workload of model.kubernetes.workloads) {
      for (const volume of workload.volumes) {
        const path = volume.hostPath;
        if (!path || !isKnown(path) || !isSensitiveHostPath(path.value)) continue;
        report({
          resource: workload,
          attr: path,
          message: `${describeWorkload(workload)} mounts the sensitive host path ${path.value} (volume ${volume.name.value ?? '?'}).`,
        });
      }
    }
  },
});

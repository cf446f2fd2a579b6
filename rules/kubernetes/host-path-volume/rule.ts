import { explicit } from '../../../scanners/model/attr.js';
import { defineRule, isKnown } from '../../../scanners/rules/api.js';
import { describeWorkload, isSensitiveHostPath } from '../workloads.js';

export default defineRule({
  id: 'PAL-K8S-005',
  title: 'Pod mounts a hostPath volume',
  severity: 'medium',
  severityRationale:
    'A hostPath volume reaches the node filesystem; how bad depends on the path, sensitive paths are reported as high by PAL-K8S-006.',
  category: 'iac',
  description:
    'A hostPath volume mounts a file or folder of the node into the pod. It ties the pod to the node, bypasses storage isolation and, when writable, lets the pod change the node. Sensitive host paths are reported by PAL-K8S-006 instead.',
  cwe: ['CWE-668'],
  benchmarks: [
    { framework: 'Pod Security Standards', version: 'v1.30', control: 'baseline/host-path-volumes' },
    { framework: 'CIS Kubernetes', version: '1.9.0', control: '5.2.12' },
  ],
  remediation:
    'Use an emptyDir, a ConfigMap, a Secret or a PersistentVolumeClaim instead of a hostPath volume.',
  tags: ['kubernetes', 'pod-security'],
  formats: ['kubernetes'],
  check({ model, report }) {
    for (const workload of model.kubernetes.workloads) {
      for (const volume of workload.volumes) {
        if (volume.type !== 'hostPath') continue;
        const path = volume.hostPath;
        if (path && isKnown(path) && isSensitiveHostPath(path.value)) continue;
        const where =
          path?.origin === 'explicit' ? path : explicit(true, volume.range, 'spec.volumes.hostPath');
        report({
          resource: workload,
          attr: where,
          key: volume.name.value,
          message: `${describeWorkload(workload)} mounts the host path ${path?.value ?? '(templated)'} as volume ${volume.name.value ?? '?'}.`,
        });
      }
    }
  },
});

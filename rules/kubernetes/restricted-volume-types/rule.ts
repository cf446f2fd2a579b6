import { explicit } from '../../../scanners/model/attr.js';
import { defineRule } from '../../../scanners/rules/api.js';
import { describeWorkload } from '../workloads.js';

const ALLOWED = new Set([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
  'hostPath',
  'unknown',
]);

export default defineRule({
  id: 'PAL-K8S-020',
  title: 'Pod uses a volume type outside the restricted set',
  severity: 'low',
  severityRationale:
    'In-tree network and host volume types bypass the storage abstraction and its access controls, but need another weakness to be exploited.',
  category: 'iac',
  description:
    'A pod volume uses a source other than configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected or secret (for example nfs, iscsi, rbd, cephfs, gitRepo). The restricted Pod Security Standard allows only these. hostPath volumes are reported by PAL-K8S-005 and PAL-K8S-006.',
  cwe: ['CWE-668'],
  benchmarks: [{ framework: 'Pod Security Standards', version: 'v1.30', control: 'restricted/volume-types' }],
  remediation:
    'Reach network storage through a PersistentVolumeClaim (or a CSI driver) instead of an inline volume source.',
  tags: ['kubernetes', 'pod-security'],
  formats: ['kubernetes'],
  check({ model, report }) {
    for (const workload of model.kubernetes.workloads) {
      for (const volume of workload.volumes) {
        if (ALLOWED.has(volume.type)) continue;
        report({
          resource: workload,
          attr: explicit(volume.type, volume.range, `spec.volumes.${volume.type}`),
          key: volume.name.value,
          message: `${describeWorkload(workload)} mounts a ${volume.type} volume (${volume.name.value ?? '?'}) directly.`,
        });
      }
    }
  },
});

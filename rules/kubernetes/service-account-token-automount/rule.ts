import { defineRule } from '../../../scanners/rules/api.js';
import { describeWorkload } from '../workloads.js';

export default defineRule({
  id: 'PAL-K8S-030',
  title: 'Pod automounts a service account token',
  severity: 'low',
  severityRationale:
    "A mounted token is a ready-made credential for the API server; its harm depends on the account's permissions.",
  category: 'iac',
  description:
    'The pod spec does not set `automountServiceAccountToken: false`, and its service account (when defined in the same file) does not either, so Kubernetes mounts an API token into every container.',
  cwe: ['CWE-522'],
  benchmarks: [{ framework: 'CIS Kubernetes', version: '1.9.0', control: '5.1.6' }],
  remediation:
    'Set `automountServiceAccountToken: false` on the pod spec (or its ServiceAccount), and mount a projected token only in pods that call the API.',
  tags: ['kubernetes', 'identity'],
  formats: ['kubernetes'],
  check({ model, report }) {
    for (const workload of model.kubernetes.workloads) {
      const automount = workload.automountServiceAccountToken;
      if (automount.origin === 'unresolvable' || automount.value === false) continue;
      if (automount.origin === 'default') {
        const accountName = workload.serviceAccountName;
        if (accountName.origin === 'unresolvable') continue;
        // A ServiceAccount of this file that disables automounting decides for the pods that use it.
        const account = model.kubernetes.serviceAccounts.find(
          (sa) => sa.name.value === accountName.value && sa.namespace.value === workload.namespace.value,
        );
        if (account && account.automountServiceAccountToken.value !== true) continue;
      }
      report({
        resource: workload,
        attr: automount,
        message: `${describeWorkload(workload)} automounts the token of service account ${workload.serviceAccountName.value ?? '?'}.`,
      });
    }
  },
});

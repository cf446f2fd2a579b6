import { defineRule } from '../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-K8S-031',
  title: 'Default service account automounts its token',
  severity: 'low',
  severityRationale:
    'Every pod that names no service account gets the default one; its token should not be mounted by default.',
  category: 'iac',
  description:
    'A manifest defines the `default` ServiceAccount of a namespace without `automountServiceAccountToken: false`. Every pod of the namespace that names no service account then carries its token.',
  cwe: ['CWE-522'],
  benchmarks: [{ framework: 'CIS Kubernetes', version: '1.9.0', control: '5.1.5' }],
  remediation:
    'Set `automountServiceAccountToken: false` on the default ServiceAccount, and give workloads that call the API their own account.',
  tags: ['kubernetes', 'identity'],
  formats: ['kubernetes'],
  check({ model, report }) {
    for (const account of model.kubernetes.serviceAccounts) {
      if (account.name.value !== 'default') continue;
      const automount = account.automountServiceAccountToken;
      if (automount.origin === 'unresolvable' || automount.value !== true) continue;
      report({
        resource: account,
        attr: automount,
        message: `The default service account of namespace ${account.namespace.value ?? '?'} automounts its token.`,
      });
    }
  },
});

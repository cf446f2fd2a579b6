import { defineRule } from '../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-K8S-043',
  title: 'Ingress serves traffic without TLS',
  severity: 'medium',
  severityRationale: 'Without TLS, credentials and session cookies cross the network in clear text.',
  category: 'iac',
  description:
    'An Ingress has no `spec.tls` entry, so the Ingress controller serves its hosts over plain HTTP only.',
  cwe: ['CWE-319'],
  remediation:
    'Add a `spec.tls` entry naming the hosts and a Secret with their certificate (cert-manager can issue it).',
  tags: ['kubernetes', 'network'],
  formats: ['kubernetes'],
  check({ model, report }) {
    for (const ingress of model.kubernetes.ingresses) {
      const tls = ingress.tls;
      if (tls.origin === 'unresolvable' || tls.value !== false) continue;
      report({
        resource: ingress,
        attr: tls,
        message: `Ingress ${ingress.name.value ?? '?'} has no TLS configuration.`,
      });
    }
  },
});

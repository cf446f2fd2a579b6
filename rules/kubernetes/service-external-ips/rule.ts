import { defineRule, isKnown } from '../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-K8S-042',
  title: 'Service sets externalIPs',
  severity: 'medium',
  severityRationale:
    'externalIPs let a Service capture traffic for any address in the cluster (CVE-2020-8554).',
  category: 'iac',
  description:
    'A Service lists `spec.externalIPs`. Kubernetes routes traffic for those addresses to the Service on every node without checking who owns them, so the field can be used to intercept traffic meant for other services or external hosts (CVE-2020-8554).',
  cwe: ['CWE-284'],
  remediation:
    'Remove `externalIPs`; use a LoadBalancer Service or an Ingress, and block the field with the DenyServiceExternalIPs admission plugin.',
  tags: ['kubernetes', 'network', 'internet-exposed'],
  formats: ['kubernetes'],
  check({ model, report }) {
    for (const service of model.kubernetes.services) {
      const addresses = service.externalIPs;
      if (!isKnown(addresses) || addresses.value.length === 0) continue;
      report({
        resource: service,
        attr: addresses,
        message: `Service ${service.name.value ?? '?'} claims external IPs ${addresses.value.join(', ')}.`,
      });
    }
  },
});

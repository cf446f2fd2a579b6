import { defineRule } from '../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-K8S-048',
  title: 'Namespace runs workloads without any NetworkPolicy',
  severity: 'low',
  severityRationale:
    'Without a NetworkPolicy every pod accepts traffic from every other pod of the cluster; only lateral movement gets easier.',
  category: 'iac',
  description:
    'A file defines a Namespace and workloads in it, but no NetworkPolicy for that namespace. Kubernetes allows all traffic between pods by default, so any compromised pod anywhere in the cluster can reach these workloads. The check only looks inside one file, and only at namespaces that file defines, so a policy kept elsewhere for an unrelated namespace cannot mislead it.',
  cwe: ['CWE-923', 'CWE-668'],
  benchmarks: [{ framework: 'CIS Kubernetes', version: '1.9.0', control: '5.3.2' }],
  remediation:
    'Add a NetworkPolicy to the namespace: a default deny for ingress, then policies that allow the expected callers.',
  tags: ['kubernetes', 'network'],
  formats: ['kubernetes'],
  check({ model, report }) {
    const k8s = model.kubernetes;
    for (const namespace of k8s.namespaces) {
      const name = namespace.name;
      if (name.origin !== 'explicit') continue;
      // Only certain when every object of the file has a literal namespace.
      if (k8s.networkPolicies.some((policy) => policy.namespace.origin === 'unresolvable')) continue;
      const workloads = k8s.workloads.filter(
        (w) => w.namespace.origin === 'explicit' && w.namespace.value === name.value,
      );
      if (!workloads.length) continue;
      if (k8s.networkPolicies.some((policy) => policy.namespace.value === name.value)) continue;
      report({
        resource: namespace,
        attr: name,
        message: `Namespace ${name.value} runs ${workloads.length} workload(s) and this file defines no NetworkPolicy for it.`,
      });
    }
  },
});

import { defineRule, field, isKnownValue, resources } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AZURE-AKS-004',
  title: 'AKS API server is reachable from any IP address',
  severity: 'high',
  severityRationale:
    'The Kubernetes API is exposed to the whole internet, open to credential attacks and API exploits.',
  category: 'iac',
  description: 'The cluster is neither private nor restricted to authorized IP ranges.',
  cwe: ['CWE-284'],
  benchmarks: [
    {
      framework: 'Microsoft cloud security benchmark',
      version: 'v1',
      control: 'NS-2',
    },
  ],
  remediation:
    'Make the cluster private (private_cluster_enabled / enablePrivateCluster) or list authorized IP ranges for the API server.',
  tags: ['azure', 'aks', 'kubernetes', 'network', 'internet-exposed'],
  formats: ['terraform', 'arm'],
  check({ model, report }) {
    for (const cluster of resources(model, 'azure.aks.clusters')) {
      const isPrivate = field<boolean>(cluster, 'privateCluster');
      const ranges = field<unknown[]>(cluster, 'authorizedIpRanges');
      if (!isKnownValue(isPrivate, false) || ranges.origin === 'unresolvable') continue;
      // An empty list is no restriction at all, the same as no list.
      if (Array.isArray(ranges.value) && ranges.value.length > 0) continue;
      report({
        resource: cluster,
        attr: ranges.origin === 'explicit' ? ranges : isPrivate,
        message: `AKS cluster ${cluster.address} exposes its API server to every IP address.`,
      });
    }
  },
});

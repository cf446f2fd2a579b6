import { defineRule, field, resources } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AWS-EKS-003',
  title: 'EKS control plane audit logs are not enabled',
  severity: 'medium',
  severityRationale: 'Without audit logs, who did what through the Kubernetes API cannot be reconstructed.',
  category: 'iac',
  description: 'The EKS cluster does not send the audit control plane log type to CloudWatch Logs.',
  cwe: ['CWE-778'],
  benchmarks: [{ framework: 'AWS Foundational Security Best Practices', control: 'EKS.8' }],
  remediation:
    'Enable at least the audit, authenticator and api log types (enabled_cluster_log_types / Logging.ClusterLogging).',
  tags: ['aws', 'eks', 'kubernetes', 'logging'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    for (const cluster of resources(model, 'aws.eks.clusters')) {
      const types = field<unknown[]>(cluster, 'logTypes');
      if (types.origin === 'unresolvable' || !Array.isArray(types.value)) continue;
      if (types.value.includes('audit') || types.value.some((v) => v === undefined)) continue;
      report({
        resource: cluster,
        attr: types,
        message: `EKS cluster ${cluster.address} does not enable audit logs.`,
      });
    }
  },
});

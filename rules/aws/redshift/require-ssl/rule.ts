import {
  defineRule,
  type Entity,
  field,
  isKnownValue,
  resolveAttr,
  resources,
} from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AWS-REDSHIFT-005',
  title: 'Redshift cluster accepts connections without TLS',
  severity: 'medium',
  severityRationale:
    'Clients may send credentials and query results in clear text; reading them needs a position on the network path.',
  category: 'iac',
  description:
    'An Amazon Redshift cluster uses the default parameter group, or one that does not set require_ssl to true, so clients can connect without TLS.',
  cwe: ['CWE-319'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'Redshift.2',
    },
  ],
  remediation: 'Attach a cluster parameter group whose require_ssl parameter is true.',
  tags: ['aws', 'redshift', 'encryption-in-transit'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    for (const cluster of resources(model, 'aws.redshift.clusters')) {
      const group = field<string>(cluster, 'parameterGroupName');
      if (group.origin === 'default' && group.value === undefined) {
        report({
          resource: cluster,
          message: `Redshift cluster ${cluster.address} uses the default parameter group, which does not require TLS.`,
        });
        continue;
      }
      if (group.origin === 'explicit' && group.value?.startsWith('default.redshift')) {
        report({
          resource: cluster,
          attr: group,
          message: `Redshift cluster ${cluster.address} uses a default parameter group, which does not require TLS.`,
        });
        continue;
      }
      // A group declared in the same unit: its require_ssl decides; a group from elsewhere stays unknown.
      const declared = resolveAttr(model, group).filter(
        (e: Entity) => e.kind === 'aws.redshift.parameterGroup',
      );
      if (declared.length !== 1) continue;
      const requireSsl = field<boolean>(declared[0] as Entity, 'requireSsl');
      if (!isKnownValue(requireSsl, false)) continue;
      // The group name is usually a reference (unresolvable), so the finding points at the cluster.
      report({
        resource: cluster,
        message: `Redshift cluster ${cluster.address} uses parameter group ${(declared[0] as Entity).address}, which does not require TLS.`,
      });
    }
  },
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-REDSHIFT-002',
  title: 'Redshift cluster is publicly accessible',
  severity: 'high',
  severityRationale:
    'A public endpoint exposes the warehouse login to the internet; security groups are then the only barrier.',
  category: 'iac',
  description: 'An Amazon Redshift cluster has a public IP address and a publicly resolvable endpoint.',
  cwe: ['CWE-284'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'Redshift.1',
    },
  ],
  remediation:
    'Set publicly_accessible (PubliclyAccessible) to false and reach the cluster through the VPC, a VPN or a Redshift-managed VPC endpoint.',
  tags: ['aws', 'redshift', 'network', 'public-access', 'internet-exposed'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.redshift.clusters',
  when: {
    attribute: 'publiclyAccessible',
    equals: true,
  },
  message: 'Redshift cluster {address} is publicly accessible.',
});

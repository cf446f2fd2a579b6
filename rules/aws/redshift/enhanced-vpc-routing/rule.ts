import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-REDSHIFT-004',
  title: 'Redshift cluster does not use enhanced VPC routing',
  severity: 'low',
  severityRationale:
    'COPY and UNLOAD traffic bypasses VPC controls, which weakens network controls and visibility rather than exposing data directly.',
  category: 'iac',
  description:
    'An Amazon Redshift cluster sends COPY and UNLOAD traffic outside the VPC, so security groups, endpoint policies and flow logs do not apply to it.',
  cwe: ['CWE-923'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'Redshift.7',
    },
  ],
  remediation:
    'Set enhanced_vpc_routing (EnhancedVpcRouting) to true and provide S3 VPC endpoints or NAT routes.',
  tags: ['aws', 'redshift', 'network'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.redshift.clusters',
  when: {
    attribute: 'enhancedVpcRouting',
    equals: false,
  },
  message: 'Redshift cluster {address} does not use enhanced VPC routing.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-VPC-011',
  title: 'Subnet gives instances public IP addresses',
  severity: 'low',
  severityRationale:
    'Every instance launched in the subnet is internet-addressable by default; fine for public tiers only.',
  category: 'iac',
  description: 'The subnet assigns a public IPv4 address to every network interface launched in it.',
  cwe: ['CWE-668'],
  benchmarks: [{ framework: 'AWS Foundational Security Best Practices', control: 'EC2.15' }],
  remediation:
    'Set map_public_ip_on_launch (MapPublicIpOnLaunch) to false and give public addresses only to load balancers or NAT gateways.',
  tags: ['aws', 'vpc', 'network'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.vpc.subnets',
  when: { attribute: 'mapPublicIpOnLaunch', equals: true },
  message: 'Subnet {address} maps public IP addresses on launch.',
});

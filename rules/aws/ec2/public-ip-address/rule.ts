import { defineRule, field, isKnownValue, resources } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AWS-EC2-002',
  title: 'EC2 instance gets a public IP address',
  severity: 'medium',
  severityRationale:
    'A public address makes the instance reachable from the internet wherever its security groups allow.',
  category: 'iac',
  description:
    'The instance or launch template explicitly associates a public IPv4 address, placing the instance directly on the internet.',
  cwe: ['CWE-668'],
  benchmarks: [{ framework: 'AWS Foundational Security Best Practices', control: 'EC2.9' }],
  remediation:
    'Launch instances in private subnets without public addresses; reach them through a load balancer, NAT or Session Manager.',
  tags: ['aws', 'ec2', 'network', 'internet-exposed'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    for (const collection of ['aws.ec2.instances', 'aws.ec2.launchTemplates']) {
      for (const compute of resources(model, collection)) {
        const publicIp = field<boolean>(compute, 'associatePublicIp');
        if (isKnownValue(publicIp, true))
          report({
            resource: compute,
            attr: publicIp,
            message: `${compute.address} associates a public IP address.`,
          });
      }
    }
  },
});

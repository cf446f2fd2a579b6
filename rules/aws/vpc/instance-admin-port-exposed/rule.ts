import { coversPort, internetSource } from '../../../../scanners/kinds/aws/vpc.js';
import { defineRule, type Entity, resources } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AWS-VPC-005',
  title: 'Instance is reachable from the internet on SSH or RDP',
  severity: 'critical',
  severityRationale:
    'The open group is attached to running compute: the admin port is not just allowed, it is reachable.',
  category: 'iac',
  description:
    'A security group that admits SSH (22) or RDP (3389) from 0.0.0.0/0 or ::/0 is attached to an EC2 instance or launch template declared in the same module or template.',
  cwe: ['CWE-284'],
  benchmarks: [
    { framework: 'CIS AWS Foundations', version: '2.0.0', control: '5.2' },
    { framework: 'CIS AWS Foundations', version: '2.0.0', control: '5.3' },
  ],
  remediation:
    'Remove the internet rule and reach the instances through Session Manager or a VPN range; keep admin ports closed to 0.0.0.0/0.',
  tags: ['aws', 'vpc', 'ec2', 'security-group', 'network', 'internet-exposed'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    for (const group of resources(model, 'aws.vpc.securityGroups')) {
      const compute = (group.attachedCompute as Entity[]) ?? [];
      if (!compute.length) continue;
      const targets = [...new Set(compute.map((c) => c.address))].join(', ');
      for (const rule of (group.ingress as Entity[]) ?? []) {
        const source = internetSource(rule);
        if (!source || source === 'unknown') continue;
        const ports = [22, 3389].filter((port) => coversPort(rule, port) === true);
        if (!ports.length) continue;
        report({
          resource: rule,
          attr: source,
          message: `Security group ${group.address} opens port ${ports.join(' and ')} to the internet and is attached to ${targets}.`,
        });
      }
    }
  },
});

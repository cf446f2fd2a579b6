import { coversAllPorts, internetSource } from '../../../../scanners/kinds/aws/vpc.js';
import { defineRule, type Entity, resources } from '../../../../scanners/rules/api.js';
import { cidrText } from '../security-group-ingress.js';

export default defineRule({
  id: 'PAL-AWS-VPC-003',
  title: 'Security group allows every port from the internet',
  severity: 'high',
  severityRationale:
    'Every service listening on the attached resources, including ones never meant to be public, is exposed.',
  category: 'iac',
  description:
    'A security group ingress rule admits all protocols, or all TCP or UDP ports, from 0.0.0.0/0 or ::/0.',
  cwe: ['CWE-284'],
  benchmarks: [{ framework: 'AWS Foundational Security Best Practices', control: 'EC2.18' }],
  remediation: 'Open only the ports the service needs, from the sources that need them.',
  tags: ['aws', 'vpc', 'security-group', 'network', 'internet-exposed'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    for (const group of resources(model, 'aws.vpc.securityGroups')) {
      for (const rule of (group.ingress as Entity[]) ?? []) {
        const source = internetSource(rule);
        if (!source || source === 'unknown' || coversAllPorts(rule) !== true) continue;
        report({
          resource: rule,
          attr: source,
          message: `Security group ${group.address} allows every port from ${cidrText(source)}.`,
        });
      }
    }
  },
});

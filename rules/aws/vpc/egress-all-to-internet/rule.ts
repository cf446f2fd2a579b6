import { coversAllPorts, internetSource } from '../../../../scanners/kinds/aws/vpc.js';
import { defineRule, type Entity, resources } from '../../../../scanners/rules/api.js';
import { cidrText } from '../security-group-ingress.js';

export default defineRule({
  id: 'PAL-AWS-VPC-006',
  title: 'Security group allows all outbound traffic to the internet',
  severity: 'low',
  severityRationale:
    'Open egress eases exfiltration and command-and-control, but attackers need a foothold first.',
  category: 'iac',
  description: 'A security group egress rule admits every protocol or port to 0.0.0.0/0 or ::/0.',
  cwe: ['CWE-284'],
  remediation:
    'Limit egress to the ports and destinations the workload calls (HTTPS to VPC endpoints or a proxy).',
  tags: ['aws', 'vpc', 'security-group', 'egress'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    for (const group of resources(model, 'aws.vpc.securityGroups')) {
      for (const rule of (group.egress as Entity[]) ?? []) {
        const target = internetSource(rule);
        if (!target || target === 'unknown' || coversAllPorts(rule) !== true) continue;
        report({
          resource: rule,
          attr: target,
          message: `Security group ${group.address} allows all egress to ${cidrText(target)}.`,
        });
      }
    }
  },
});

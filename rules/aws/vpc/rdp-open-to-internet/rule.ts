import { coversAllPorts, coversPort, internetSource } from '../../../../scanners/kinds/aws/vpc.js';
import { defineRule, type Entity, resources } from '../../../../scanners/rules/api.js';

function cidrText(attr: { value: unknown }): string {
  return Array.isArray(attr.value)
    ? attr.value.filter((v) => v === '0.0.0.0/0' || v === '::/0').join(', ')
    : String(attr.value);
}

export default defineRule({
  id: 'PAL-AWS-VPC-002',
  title: 'Security group allows RDP (port 3389) from the internet',
  severity: 'high',
  severityRationale: 'Internet-facing RDP is a leading ransomware entry point.',
  category: 'iac',
  description: 'A security group ingress rule admits TCP port 3389 (RDP) from 0.0.0.0/0 or ::/0.',
  cwe: ['CWE-284'],
  benchmarks: [
    { framework: 'CIS AWS Foundations', version: '2.0.0', control: '5.2' },
    { framework: 'CIS AWS Foundations', version: '2.0.0', control: '5.3' },
  ],
  remediation:
    'Allow port 3389 only from known address ranges or security groups, or use Session Manager instead of opening the port.',
  tags: ['aws', 'vpc', 'security-group', 'network'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    for (const group of resources(model, 'aws.vpc.securityGroups')) {
      // Groups attached to instances in the module are PAL-AWS-VPC-005's (critical) finding.
      if (((group.attachedCompute as Entity[]) ?? []).length) continue;
      for (const rule of (group.ingress as Entity[]) ?? []) {
        const source = internetSource(rule);
        if (!source || source === 'unknown') continue;
        // Every-port rules are PAL-AWS-VPC-003's finding.
        if (coversAllPorts(rule) !== false || coversPort(rule, 3389) !== true) continue;
        report({
          resource: rule,
          attr: source,
          message: `Security group ${group.address} allows RDP (3389) from ${cidrText(source)}.`,
        });
      }
    }
  },
});

import { defineRule, type Entity, field, isKnownValue, resources } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AWS-VPC-007',
  title: 'Default security group allows traffic',
  severity: 'medium',
  severityRationale: 'Resources launched without a group land in the default one and silently get its rules.',
  category: 'iac',
  description:
    'The VPC default security group, adopted with aws_default_security_group, has ingress or egress rules instead of none.',
  cwe: ['CWE-284'],
  benchmarks: [
    { framework: 'CIS AWS Foundations', version: '2.0.0', control: '5.4' },
    { framework: 'AWS Foundational Security Best Practices', control: 'EC2.2' },
  ],
  remediation:
    'Declare aws_default_security_group with no ingress or egress blocks, and give resources their own groups.',
  tags: ['aws', 'vpc', 'security-group'],
  formats: ['terraform'],
  check({ model, report }) {
    for (const group of resources(model, 'aws.vpc.securityGroups')) {
      if (!isKnownValue(field<boolean>(group, 'isDefault'), true)) continue;
      for (const direction of ['ingress', 'egress']) {
        for (const rule of (group[direction] as Entity[]) ?? [])
          report({
            resource: rule,
            message: `The default security group ${group.address} has an ${direction} rule.`,
          });
      }
    }
  },
});

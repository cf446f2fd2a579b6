import { coversPort, internetSource } from '../../../../scanners/kinds/aws/vpc.js';
import { defineRule, type Entity, field, isKnownValue, resources } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AWS-VPC-010',
  title: 'Network ACL allows SSH or RDP from the internet',
  severity: 'medium',
  severityRationale:
    'The subnet-level backstop lets remote administration through; security groups are the only remaining barrier.',
  category: 'iac',
  description: 'A network ACL ingress entry allows TCP port 22 or 3389 from 0.0.0.0/0 or ::/0.',
  cwe: ['CWE-284'],
  benchmarks: [
    { framework: 'CIS AWS Foundations', version: '2.0.0', control: '5.1' },
    { framework: 'AWS Foundational Security Best Practices', control: 'EC2.21' },
  ],
  remediation: 'Allow 22 and 3389 only from administrative address ranges, or not at all.',
  tags: ['aws', 'vpc', 'network-acl', 'internet-exposed'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    for (const acl of resources(model, 'aws.vpc.networkAcls')) {
      for (const entry of (acl.ingress as Entity[]) ?? []) {
        const protocol = field<string>(entry, 'protocol');
        // All-protocol entries are PAL-AWS-VPC-009's finding.
        if (!isKnownValue(field<string>(entry, 'action'), 'allow') || !isKnownValue(protocol, 'tcp'))
          continue;
        const source = internetSource(entry);
        if (!source || source === 'unknown') continue;
        const ports = [22, 3389].filter((port) => coversPort(entry, port) === true);
        if (ports.length)
          report({
            resource: entry,
            attr: source,
            message: `Network ACL ${acl.address} allows port ${ports.join(' and ')} from the internet.`,
          });
      }
    }
  },
});

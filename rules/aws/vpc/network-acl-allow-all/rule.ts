import { internetSource } from '../../../../scanners/kinds/aws/vpc.js';
import { defineRule, type Entity, field, isKnownValue, resources } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AWS-VPC-009',
  title: 'Network ACL allows all inbound traffic from the internet',
  severity: 'medium',
  severityRationale: 'The subnet loses its stateless second layer; security groups remain the only control.',
  category: 'iac',
  description: 'A network ACL ingress entry allows every protocol from 0.0.0.0/0 or ::/0.',
  cwe: ['CWE-284'],
  remediation: 'Allow only the protocols and ports the subnet serves, and deny the rest.',
  tags: ['aws', 'vpc', 'network-acl', 'internet-exposed'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    for (const acl of resources(model, 'aws.vpc.networkAcls')) {
      for (const entry of (acl.ingress as Entity[]) ?? []) {
        if (
          !isKnownValue(field<string>(entry, 'action'), 'allow') ||
          !isKnownValue(field<string>(entry, 'protocol'), 'all')
        )
          continue;
        const source = internetSource(entry);
        if (!source || source === 'unknown') continue;
        report({
          resource: entry,
          attr: source,
          message: `Network ACL ${acl.address} allows all inbound traffic from the internet.`,
        });
      }
    }
  },
});

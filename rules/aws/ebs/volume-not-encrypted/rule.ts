import { defineRule, field, isKnownValue, resources } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AWS-EBS-001',
  title: 'EBS volume is not encrypted',
  severity: 'medium',
  severityRationale:
    'The volume and every snapshot of it hold data in clear; a shared or copied snapshot leaks it.',
  category: 'iac',
  description:
    'An EBS volume is created without encryption, and the module does not enable EBS encryption by default.',
  cwe: ['CWE-311'],
  benchmarks: [{ framework: 'AWS Foundational Security Best Practices', control: 'EC2.3' }],
  remediation: 'Set encrypted = true (Encrypted: true), ideally with a customer managed KMS key.',
  tags: ['aws', 'ebs', 'encryption'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    // Account-wide default encryption (declared in the same module) encrypts every new volume.
    if (
      resources(model, 'aws.ebs.encryptionByDefault').some((d) => field<boolean>(d, 'enabled').value === true)
    )
      return;
    for (const volume of resources(model, 'aws.ebs.volumes')) {
      const encrypted = field<boolean>(volume, 'encrypted');
      if (!isKnownValue(encrypted, false)) continue;
      report({
        resource: volume,
        attr: encrypted,
        message:
          encrypted.origin === 'default'
            ? `Volume ${volume.address} does not set encryption, so it is not encrypted.`
            : `Volume ${volume.address} turns encryption off.`,
      });
    }
  },
});

import { defineRule, type Entity, field, isKnownValue, resources } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AWS-EC2-003',
  title: 'EC2 instance volume is not encrypted',
  severity: 'medium',
  severityRationale:
    'Unencrypted volumes and their snapshots expose data to anyone who gets a copy of the snapshot.',
  category: 'iac',
  description:
    'A root or data volume declared on an instance or launch template is not encrypted, and the module does not turn on EBS encryption by default.',
  cwe: ['CWE-311'],
  benchmarks: [{ framework: 'AWS Foundational Security Best Practices', control: 'EC2.3' }],
  remediation:
    'Set encrypted = true on each block device, or enable EBS encryption by default for the region.',
  tags: ['aws', 'ec2', 'ebs', 'encryption'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    // Account-wide default encryption (declared in the same module) encrypts every new volume.
    if (
      resources(model, 'aws.ebs.encryptionByDefault').some((d) => field<boolean>(d, 'enabled').value === true)
    )
      return;
    for (const collection of ['aws.ec2.instances', 'aws.ec2.launchTemplates']) {
      for (const compute of resources(model, collection)) {
        if (
          isKnownValue(field<boolean>(compute, 'rootVolume'), false) &&
          field<boolean>(compute, 'launchTemplate').value !== true
        )
          report({
            resource: compute,
            message: `${compute.address} does not configure its root volume, so it is not encrypted.`,
          });
        const volumes = [
          ...((compute.volumes as Entity[]) ?? []),
          ...((compute.dataVolumes as Entity[]) ?? []),
        ];
        for (const volume of volumes) {
          const encrypted = field<boolean>(volume, 'encrypted');
          if (isKnownValue(encrypted, false) && isKnownValue(field<boolean>(volume, 'ebs'), true))
            report({
              resource: volume,
              attr: encrypted,
              message: `A volume of ${compute.address} is not encrypted.`,
            });
        }
      }
    }
  },
});

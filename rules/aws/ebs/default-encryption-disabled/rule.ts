import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-EBS-003',
  title: 'EBS encryption by default is turned off',
  severity: 'medium',
  severityRationale:
    'Every volume created without an explicit setting in the region is then stored unencrypted.',
  category: 'iac',
  description:
    'aws_ebs_encryption_by_default sets enabled = false, so new EBS volumes and snapshot copies in the region are not encrypted unless each one asks.',
  cwe: ['CWE-311'],
  benchmarks: [{ framework: 'AWS Foundational Security Best Practices', control: 'EC2.7' }],
  remediation: 'Set enabled = true on aws_ebs_encryption_by_default in every region you use.',
  tags: ['aws', 'ebs', 'encryption'],
  formats: ['terraform'],
  resources: 'aws.ebs.encryptionByDefault',
  when: { attribute: 'enabled', equals: false },
  message: 'EBS encryption by default is disabled by {address}.',
});

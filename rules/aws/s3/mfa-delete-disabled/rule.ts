import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-S3-010',
  title: 'Versioned S3 bucket does not require MFA to delete versions',
  severity: 'low',
  severityRationale:
    'Versioning already keeps old versions; MFA delete only hardens it against stolen root credentials, and it can only be set by the root user.',
  category: 'iac',
  description:
    'The bucket has versioning enabled but MFA delete disabled, so anyone with delete permissions can permanently remove object versions or suspend versioning.',
  cwe: ['CWE-308'],
  remediation:
    'Enable MFA delete on the bucket versioning configuration (the root user must apply it with an MFA device).',
  tags: ['aws', 's3', 'data-protection'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.s3.buckets',
  when: {
    all: [
      { attribute: 'versioning.mfaDelete', equals: false },
      { attribute: 'versioning.enabled', equals: true },
    ],
  },
  message: 'Bucket {address} is versioned without MFA delete.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-S3-008',
  title: 'S3 bucket is encrypted with S3-managed keys, not KMS',
  severity: 'low',
  severityRationale:
    'Data is encrypted at rest either way (SSE-S3 is the default since 2023); KMS adds key policies and an audit trail.',
  category: 'iac',
  description:
    'The bucket default encryption is SSE-S3 (AES256), explicitly or by default, so access to the data is not also governed by a KMS key policy.',
  cwe: ['CWE-311'],
  remediation: 'Set the default encryption to aws:kms with a customer managed key, and enable bucket keys.',
  tags: ['aws', 's3', 'encryption'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.s3.buckets',
  when: { attribute: 'encryption.algorithm', equals: 'AES256' },
  message: 'Bucket {address} is encrypted with S3-managed keys rather than a KMS key.',
});

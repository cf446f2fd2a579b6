import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-GLUE-001',
  title: 'Glue security configuration leaves some encryption disabled',
  severity: 'medium',
  severityRationale:
    'Jobs using the configuration write S3 output, logs or bookmarks unencrypted; exposure depends on who can read those stores.',
  category: 'iac',
  description:
    'An AWS Glue security configuration sets S3, CloudWatch Logs or job bookmark encryption to DISABLED.',
  cwe: ['CWE-311'],
  remediation:
    'Set s3_encryption_mode to SSE-KMS (or SSE-S3), cloudwatch_encryption_mode to SSE-KMS and job_bookmarks_encryption_mode to CSE-KMS.',
  tags: ['aws', 'glue', 'encryption'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.glue.securityConfigurations',
  when: {
    any: [
      {
        attribute: 's3Encryption',
        equals: 'DISABLED',
      },
      {
        attribute: 'cloudWatchEncryption',
        equals: 'DISABLED',
      },
      {
        attribute: 'jobBookmarksEncryption',
        equals: 'DISABLED',
      },
    ],
  },
  message: 'Glue security configuration {address} leaves some encryption disabled.',
});

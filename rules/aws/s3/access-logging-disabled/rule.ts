import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-S3-009',
  title: 'S3 bucket server access logging is not enabled',
  severity: 'low',
  severityRationale:
    'Missing logs do not expose data, but they leave access to it uninvestigable after an incident.',
  category: 'iac',
  description:
    'The bucket does not write server access logs, so requests against its objects leave no record.',
  cwe: ['CWE-778'],
  benchmarks: [{ framework: 'AWS Foundational Security Best Practices', control: 'S3.9' }],
  remediation:
    'Enable server access logging to a dedicated log bucket (aws_s3_bucket_logging, LoggingConfiguration).',
  tags: ['aws', 's3', 'logging'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.s3.buckets',
  when: { attribute: 'logging.enabled', equals: false },
  message: 'Bucket {address} does not enable server access logging.',
});

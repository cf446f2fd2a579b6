import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-LAMBDA-006',
  title: 'Lambda permission for an AWS service has no source condition',
  severity: 'medium',
  severityRationale:
    'Resources of that service in any account can invoke the function (the confused deputy problem).',
  category: 'iac',
  description:
    'A Lambda permission grants an AWS service principal (s3.amazonaws.com, sns.amazonaws.com, ...) without source_arn or source_account, so any resource of that service, in any account, can trigger the function.',
  cwe: ['CWE-441'],
  remediation:
    'Set source_arn (SourceArn) to the bucket, topic or rule that should invoke the function, and source_account for S3.',
  tags: ['aws', 'lambda', 'confused-deputy'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.lambda.permissions',
  when: {
    all: [
      { attribute: 'principal', matches: '\\.amazonaws\\.com$' },
      { attribute: 'sourceArn', equals: false },
      { attribute: 'sourceAccount', equals: false },
      { attribute: 'principalOrgId', equals: false },
    ],
  },
  message: 'Lambda permission {address} lets the service invoke the function on behalf of any account.',
});

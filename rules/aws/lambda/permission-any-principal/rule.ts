import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-LAMBDA-002',
  title: 'Lambda permission lets any principal invoke the function',
  severity: 'high',
  severityRationale: 'Any AWS account (or anyone, with a public URL) can invoke the function.',
  category: 'iac',
  description:
    'A Lambda resource-based permission grants Principal "*" with no source ARN, source account or organisation condition.',
  cwe: ['CWE-284'],
  remediation:
    'Grant the permission to a specific service or account and set source_arn or source_account (SourceArn, SourceAccount).',
  tags: ['aws', 'lambda', 'public-access', 'internet-exposed'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.lambda.permissions',
  when: {
    all: [
      { attribute: 'principal', equals: '*' },
      { attribute: 'sourceArn', equals: false },
      { attribute: 'sourceAccount', equals: false },
      { attribute: 'principalOrgId', equals: false },
    ],
  },
  message: 'Lambda permission {address} lets any principal invoke the function.',
});

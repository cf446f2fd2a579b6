import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-LAMBDA-001',
  title: 'Lambda function URL requires no authentication',
  severity: 'high',
  severityRationale:
    'Anyone on the internet can invoke the function directly, bypassing any gateway, WAF or throttling in front of it.',
  category: 'iac',
  description:
    'A Lambda function URL uses auth type NONE, so anyone who learns the URL can invoke the function.',
  cwe: ['CWE-306'],
  remediation:
    'Use auth type AWS_IAM, or put the function behind API Gateway or CloudFront with authentication and WAF.',
  tags: ['aws', 'lambda', 'public-access', 'internet-exposed'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.lambda.functionUrls',
  when: { attribute: 'authType', equals: 'NONE' },
  message: 'Function URL {address} allows unauthenticated invocation.',
});

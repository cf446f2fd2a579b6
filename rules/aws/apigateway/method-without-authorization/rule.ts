import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-APIGATEWAY-004',
  title: 'API Gateway method is callable without any authorization',
  severity: 'medium',
  severityRationale:
    'Anyone on the internet can call the method; the impact depends on what the back end does for anonymous callers.',
  category: 'iac',
  description:
    'An API Gateway REST method other than OPTIONS uses authorization NONE and requires no API key, so anyone can invoke it.',
  cwe: ['CWE-306'],
  remediation:
    'Set authorization (AuthorizationType) to AWS_IAM, COGNITO_USER_POOLS or CUSTOM with an authorizer, or require an API key for deliberately public methods.',
  tags: ['aws', 'apigateway', 'authentication'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.apigateway.methods',
  when: {
    all: [
      {
        attribute: 'authorization',
        equals: 'NONE',
      },
      {
        attribute: 'httpMethod',
        'not-equals': 'OPTIONS',
      },
      {
        attribute: 'apiKeyRequired',
        equals: false,
      },
    ],
  },
  message: 'API Gateway method {address} requires no authorization.',
});

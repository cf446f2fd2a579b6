import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-APIGATEWAY-002',
  title: 'API Gateway REST stage has X-Ray tracing disabled',
  severity: 'low',
  severityRationale:
    'Tracing helps find the source of errors and unusual latency; its absence slows analysis but exposes nothing.',
  category: 'iac',
  description:
    'An API Gateway REST API stage does not send traces to AWS X-Ray, so requests cannot be followed through the services behind it.',
  cwe: ['CWE-778'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'APIGateway.3',
    },
  ],
  remediation: 'Set xray_tracing_enabled (TracingEnabled) to true on the stage.',
  tags: ['aws', 'apigateway', 'tracing', 'monitoring'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.apigateway.stages',
  when: {
    attribute: 'xrayTracing',
    equals: false,
  },
  message: 'API Gateway stage {address} does not trace requests with X-Ray.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-LAMBDA-003',
  title: 'Lambda function does not enable active X-Ray tracing',
  severity: 'low',
  severityRationale: 'Missing traces slow down investigations; nothing is exposed.',
  category: 'iac',
  description:
    'The Lambda function leaves tracing in PassThrough mode, so its invocations are not sampled by X-Ray unless an upstream service asks.',
  cwe: ['CWE-778'],
  remediation: 'Set tracing_config mode (TracingConfig.Mode, SAM Tracing) to Active.',
  tags: ['aws', 'lambda', 'monitoring'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.lambda.functions',
  when: { attribute: 'tracingMode', equals: 'PassThrough' },
  message: 'Lambda function {address} does not enable active tracing.',
});

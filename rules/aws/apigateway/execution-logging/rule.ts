import { defineRule, type Entity, field, isKnown, resources } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AWS-APIGATEWAY-008',
  title: 'API Gateway REST stage has execution logging turned off',
  severity: 'low',
  severityRationale:
    'Without execution logs, authorizer failures and integration errors cannot be traced; it slows response rather than exposing the API.',
  category: 'iac',
  description:
    'No method setting of an API Gateway REST stage sets an execution logging level, so API Gateway writes no execution logs to CloudWatch Logs.',
  cwe: ['CWE-778'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'APIGateway.1',
    },
  ],
  remediation: 'Add method settings for */* with logging_level (LoggingLevel) ERROR or INFO.',
  tags: ['aws', 'apigateway', 'logging'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    for (const stage of resources(model, 'aws.apigateway.stages')) {
      if (stage.sourceType === 'aws_apigatewayv2_stage' || stage.sourceType === 'AWS::ApiGatewayV2::Stage')
        continue;
      const levels = ((stage.methodSettings as Entity[] | undefined) ?? []).map((s) =>
        field<string>(s, 'loggingLevel'),
      );
      // A level that cannot be known may well turn logging on.
      if (levels.some((level) => !isKnown(level) || level.value.toUpperCase() !== 'OFF')) continue;
      report({ resource: stage, message: `API Gateway stage ${stage.address} writes no execution logs.` });
    }
  },
});

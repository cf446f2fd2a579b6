import { wafProtection } from '../../../../scanners/kinds/aws/waf.js';
import { defineRule, resources } from '../../../../scanners/rules/api.js';

export default defineRule({
  id: 'PAL-AWS-APIGATEWAY-006',
  title: 'API Gateway REST stage has no WAF web ACL',
  severity: 'medium',
  severityRationale:
    'Without a WAF, injection payloads and request floods reach the integration directly; the back end may still withstand them.',
  category: 'iac',
  description:
    'An API Gateway REST stage is not associated with an AWS WAF web ACL, so no managed rule filters requests before they reach the integration.',
  cwe: ['CWE-693'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'APIGateway.4',
    },
  ],
  remediation:
    'Associate a WAFv2 web ACL with the stage (aws_wafv2_web_acl_association / AWS::WAFv2::WebACLAssociation with the stage ARN).',
  tags: ['aws', 'apigateway', 'waf'],
  formats: ['terraform', 'cloudformation'],
  check({ model, report }) {
    for (const stage of resources(model, 'aws.apigateway.stages')) {
      // HTTP and WebSocket APIs cannot be associated with a web ACL.
      if (stage.sourceType === 'aws_apigatewayv2_stage' || stage.sourceType === 'AWS::ApiGatewayV2::Stage')
        continue;
      if (wafProtection(model, stage) !== 'unprotected') continue;
      report({
        resource: stage,
        message: `API Gateway stage ${stage.address} has no WAF web ACL associated.`,
      });
    }
  },
});

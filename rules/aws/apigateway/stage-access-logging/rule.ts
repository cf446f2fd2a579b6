import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-APIGATEWAY-001',
  title: 'API Gateway stage does not write access logs',
  severity: 'medium',
  severityRationale:
    'Without access logs, calls made by an attacker cannot be traced afterwards; it weakens response rather than exposing the API.',
  category: 'iac',
  description:
    'An API Gateway stage (REST, HTTP or WebSocket) has no access log destination, so who called which route is not recorded.',
  cwe: ['CWE-778'],
  remediation:
    'Configure access_log_settings (AccessLogSetting / AccessLogSettings) with a CloudWatch Logs destination and a log format.',
  tags: ['aws', 'apigateway', 'logging'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.apigateway.stages',
  when: {
    attribute: 'accessLogDestination',
    exists: false,
  },
  message: 'API Gateway stage {address} does not write access logs.',
});

import { conditionRule } from '../../../../scanners/rules/api.js';

export default conditionRule({
  id: 'PAL-AWS-APIGATEWAY-005',
  title: 'API Gateway REST stage does not present a client certificate to its back end',
  severity: 'low',
  severityRationale:
    'Without a client certificate the back end cannot tell API Gateway from any other caller; it matters when the back end is reachable directly.',
  category: 'iac',
  description:
    'An API Gateway REST stage calls its HTTP back end without a client certificate, so the back end cannot verify that requests come from API Gateway.',
  cwe: ['CWE-295'],
  benchmarks: [
    {
      framework: 'AWS Foundational Security Best Practices',
      control: 'APIGateway.2',
    },
  ],
  remediation:
    'Create an aws_api_gateway_client_certificate (AWS::ApiGateway::ClientCertificate) and set client_certificate_id (ClientCertificateId) on the stage.',
  tags: ['aws', 'apigateway', 'mtls', 'authentication'],
  formats: ['terraform', 'cloudformation'],
  resources: 'aws.apigateway.stages',
  when: {
    attribute: 'clientCertificateId',
    exists: false,
  },
  message: 'API Gateway stage {address} presents no client certificate to its back end.',
});

import type { KindDefinition } from '../../model/kinds.js';

const methodSettingFields = {
  cachingEnabled: 'bool',
  cacheDataEncrypted: 'bool',
  loggingLevel: 'string',
} as const;

/** API Gateway: REST and HTTP/WebSocket stages, REST methods, custom domain names. */
export const APIGATEWAY_KINDS: KindDefinition[] = [
  {
    kind: 'aws.apigateway.stage',
    collection: 'aws.apigateway.stages',
    identity: ['name'],
    fields: {
      name: 'string',
      accessLogDestination: 'string',
      xrayTracing: 'bool',
      clientCertificateId: 'string',
    },
    children: { methodSettings: { ...methodSettingFields } },
    sources: [
      {
        family: 'terraform',
        types: ['aws_api_gateway_stage'],
        fields: {
          name: 'stage_name',
          accessLogDestination: 'access_log_settings.destination_arn',
          xrayTracing: { path: 'xray_tracing_enabled', default: false },
          clientCertificateId: 'client_certificate_id',
        },
      },
      {
        // HTTP and WebSocket APIs have no X-Ray tracing, client certificates or cache: those stay unmapped.
        family: 'terraform',
        types: ['aws_apigatewayv2_stage'],
        fields: { name: 'name', accessLogDestination: 'access_log_settings.destination_arn' },
      },
      {
        family: 'cloudformation',
        types: ['AWS::ApiGateway::Stage'],
        fields: {
          name: 'StageName',
          accessLogDestination: 'AccessLogSetting.DestinationArn',
          xrayTracing: { path: 'TracingEnabled', default: false },
          clientCertificateId: 'ClientCertificateId',
        },
        children: {
          methodSettings: {
            path: 'MethodSettings',
            fields: {
              cachingEnabled: { path: 'CachingEnabled', default: false },
              cacheDataEncrypted: { path: 'CacheDataEncrypted', default: false },
              loggingLevel: { path: 'LoggingLevel', default: 'OFF' },
            },
          },
        },
      },
      {
        // A deployment with a StageName creates the stage from its StageDescription.
        family: 'cloudformation',
        types: ['AWS::ApiGateway::Deployment'],
        when: (body) => body.entries.some((e) => e.key === 'StageName'),
        fields: {
          name: 'StageName',
          accessLogDestination: 'StageDescription.AccessLogSetting.DestinationArn',
          xrayTracing: { path: 'StageDescription.TracingEnabled', default: false },
          clientCertificateId: 'StageDescription.ClientCertificateId',
        },
        children: {
          methodSettings: {
            path: 'StageDescription.MethodSettings',
            fields: {
              cachingEnabled: { path: 'CachingEnabled', default: false },
              cacheDataEncrypted: { path: 'CacheDataEncrypted', default: false },
              loggingLevel: { path: 'LoggingLevel', default: 'OFF' },
            },
          },
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::ApiGatewayV2::Stage'],
        fields: { name: 'StageName', accessLogDestination: 'AccessLogSettings.DestinationArn' },
      },
    ],
    attachments: [
      {
        family: 'terraform',
        types: ['aws_api_gateway_method_settings'],
        via: 'stage_name',
        child: {
          name: 'methodSettings',
          fields: {
            cachingEnabled: { path: 'settings.caching_enabled', default: false },
            cacheDataEncrypted: { path: 'settings.cache_data_encrypted', default: false },
            loggingLevel: { path: 'settings.logging_level', default: 'OFF' },
          },
        },
      },
    ],
  },
  {
    kind: 'aws.apigateway.method',
    collection: 'aws.apigateway.methods',
    fields: { httpMethod: 'string', authorization: 'string', apiKeyRequired: 'bool' },
    sources: [
      {
        family: 'terraform',
        types: ['aws_api_gateway_method'],
        fields: {
          httpMethod: 'http_method',
          authorization: 'authorization',
          apiKeyRequired: { path: 'api_key_required', default: false },
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::ApiGateway::Method'],
        fields: {
          httpMethod: 'HttpMethod',
          authorization: { path: 'AuthorizationType', default: 'NONE' },
          apiKeyRequired: { path: 'ApiKeyRequired', default: false },
        },
      },
    ],
  },
  {
    kind: 'aws.apigateway.domainName',
    collection: 'aws.apigateway.domainNames',
    fields: { securityPolicy: 'string' },
    sources: [
      {
        family: 'terraform',
        types: ['aws_api_gateway_domain_name'],
        fields: { securityPolicy: 'security_policy' },
      },
      {
        family: 'cloudformation',
        types: ['AWS::ApiGateway::DomainName'],
        fields: { securityPolicy: 'SecurityPolicy' },
      },
    ],
  },
];

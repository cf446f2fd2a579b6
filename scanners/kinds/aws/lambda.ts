import type { KindDefinition } from '../../model/kinds.js';
import { child, type MapNode } from '../../parsers/tree.js';

export const LAMBDA_KINDS: KindDefinition[] = [
  {
    kind: 'aws.lambda.function',
    collection: 'aws.lambda.functions',
    fields: { runtime: 'string', tracingMode: 'string', deadLetterTarget: 'present' },
    sources: [
      {
        family: 'terraform',
        types: ['aws_lambda_function'],
        fields: {
          runtime: 'runtime',
          tracingMode: { path: 'tracing_config.mode', default: 'PassThrough' },
          deadLetterTarget: 'dead_letter_config.target_arn',
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::Lambda::Function'],
        fields: {
          runtime: 'Runtime',
          tracingMode: { path: 'TracingConfig.Mode', default: 'PassThrough' },
          deadLetterTarget: 'DeadLetterConfig.TargetArn',
        },
      },
      {
        // SAM: `Globals` may set these, so an absent setting is not knowable from the function alone
        // (no default; the dead-letter queue is left unmapped for the same reason).
        family: 'cloudformation',
        types: ['AWS::Serverless::Function'],
        fields: { runtime: 'Runtime', tracingMode: 'Tracing' },
      },
    ],
  },
  {
    kind: 'aws.lambda.functionUrl',
    collection: 'aws.lambda.functionUrls',
    fields: { authType: 'string' },
    sources: [
      { family: 'terraform', types: ['aws_lambda_function_url'], fields: { authType: 'authorization_type' } },
      { family: 'cloudformation', types: ['AWS::Lambda::Url'], fields: { authType: 'AuthType' } },
      {
        family: 'cloudformation',
        types: ['AWS::Serverless::Function'],
        when: (body: MapNode) => child(body, 'FunctionUrlConfig') !== undefined,
        fields: { authType: 'FunctionUrlConfig.AuthType' },
      },
    ],
  },
  {
    kind: 'aws.lambda.permission',
    collection: 'aws.lambda.permissions',
    fields: {
      principal: 'string',
      action: 'string',
      sourceArn: 'present',
      sourceAccount: 'present',
      principalOrgId: 'present',
      functionUrlAuthType: 'string',
    },
    sources: [
      {
        family: 'terraform',
        types: ['aws_lambda_permission'],
        fields: {
          principal: 'principal',
          action: 'action',
          sourceArn: 'source_arn',
          sourceAccount: 'source_account',
          principalOrgId: 'principal_org_id',
          functionUrlAuthType: 'function_url_auth_type',
        },
      },
      {
        family: 'cloudformation',
        types: ['AWS::Lambda::Permission'],
        fields: {
          principal: 'Principal',
          action: 'Action',
          sourceArn: 'SourceArn',
          sourceAccount: 'SourceAccount',
          principalOrgId: 'PrincipalOrgID',
          functionUrlAuthType: 'FunctionUrlAuthType',
        },
      },
    ],
  },
];

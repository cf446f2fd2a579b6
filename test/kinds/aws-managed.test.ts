import { describe, expect, it } from 'vitest';
import { keyedSetting, oneOf } from '../../scanners/kinds/aws/settings.js';
import { wafProtection } from '../../scanners/kinds/aws/waf.js';
import { builtinKinds } from '../../scanners/kinds/index.js';
import type { Attr } from '../../scanners/model/attr.js';
import { type Entity, emptyModel, type Model, resources } from '../../scanners/model/model.js';
import { declare as declareTemplate } from '../cloudformation/helpers.js';
import { declare as declareModule } from '../terraform/helpers.js';

async function terraformModel(text: string): Promise<Model> {
  const { resources: declared, errors } = await declareModule({ 'main.tf': text });
  expect(errors).toEqual([]);
  const model = emptyModel();
  builtinKinds().map(declared, model);
  return model;
}

function cloudFormationModel(text: string): Model {
  const model = emptyModel();
  builtinKinds().map(declareTemplate(text), model);
  return model;
}

function entity(model: Model, collection: string, address: string): Entity {
  const found = resources(model, collection).find((e) => e.address === address);
  if (!found) throw new Error(`no ${address} in ${collection}`);
  return found;
}

function attr(target: Entity, path: string): Attr<unknown> {
  let current: unknown = target;
  for (const key of path.split('.')) current = (current as Record<string, unknown>)[key];
  return current as Attr<unknown>;
}

const settingOf = (target: Entity, path: string) => {
  const found = attr(target, path);
  return { origin: found.origin, value: found.value };
};

describe('keyedSetting', () => {
  const deletion = keyedSetting('Key', 'Value', 'deletion_protection.enabled', 'false');

  it('reads the value of the named key, whatever its case', () => {
    expect(
      deletion([
        { Key: 'idle_timeout.timeout_seconds', Value: '60' },
        { Key: 'Deletion_Protection.Enabled', Value: 'true' },
      ]),
    ).toBe('true');
  });

  it('gives the fallback when no pair names the key, and accepts a single pair', () => {
    expect(deletion([{ Key: 'idle_timeout.timeout_seconds', Value: '60' }])).toBe('false');
    expect(deletion({ Key: 'deletion_protection.enabled', Value: 'true' })).toBe('true');
  });

  it('is unknown when a pair has a key or value that cannot be known', () => {
    expect(deletion([{ Key: undefined, Value: 'true' }])).toBeUndefined();
    expect(deletion([{ Key: 'deletion_protection.enabled', Value: undefined }])).toBeUndefined();
    expect(deletion(['not a pair'])).toBeUndefined();
  });
});

describe('oneOf', () => {
  it('maps accepted spellings to true, others to false, and leaves non-strings alone', () => {
    const enabled = oneOf('Enabled');
    expect(enabled('enabled')).toBe(true);
    expect(enabled('Disabled')).toBe(false);
    expect(enabled(true)).toBe(true);
  });
});

describe('ELBv2 load balancer attributes (CloudFormation)', () => {
  it('reads attributes from the key/value list, with defaults for missing keys', () => {
    const model = cloudFormationModel(`
Parameters:
  Drop:
    Type: String
Resources:
  Web:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Scheme: internal
      LoadBalancerAttributes:
        - Key: routing.http.drop_invalid_header_fields.enabled
          Value: 'true'
        - Key: routing.http.desync_mitigation_mode
          Value: monitor
  Unknown:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      LoadBalancerAttributes:
        - Key: routing.http.drop_invalid_header_fields.enabled
          Value: !Ref Drop
`);
    const web = entity(model, 'aws.elb.loadBalancers', 'Resources.Web');
    expect(settingOf(web, 'dropInvalidHeaderFields')).toEqual({ origin: 'explicit', value: true });
    expect(settingOf(web, 'desyncMitigationMode')).toEqual({ origin: 'explicit', value: 'monitor' });
    expect(settingOf(web, 'deletionProtection')).toEqual({ origin: 'explicit', value: false });
    expect(settingOf(web, 'internal')).toEqual({ origin: 'explicit', value: true });
    const unknown = entity(model, 'aws.elb.loadBalancers', 'Resources.Unknown');
    expect(attr(unknown, 'dropInvalidHeaderFields').origin).toBe('unresolvable');
    expect(settingOf(unknown, 'internal')).toEqual({ origin: 'default', value: false });
  });
});

describe('wafProtection', () => {
  it('follows association references in Terraform', async () => {
    const model = await terraformModel(`
resource "aws_lb" "web" {
  name = "web"
}

resource "aws_lb" "admin" {
  name = "admin"
}

resource "aws_wafv2_web_acl_association" "web" {
  resource_arn = aws_lb.web.arn
  web_acl_arn  = aws_wafv2_web_acl.edge.arn
}
`);
    expect(wafProtection(model, entity(model, 'aws.elb.loadBalancers', 'aws_lb.web'))).toBe('protected');
    expect(wafProtection(model, entity(model, 'aws.elb.loadBalancers', 'aws_lb.admin'))).toBe('unprotected');
  });

  it('answers unknown when an association names a resource it cannot tell', () => {
    const model = cloudFormationModel(`
Resources:
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties:
      StageName: prod
  Association:
    Type: AWS::WAFv2::WebACLAssociation
    Properties:
      ResourceArn: arn:aws:apigateway:eu-west-1::/restapis/abc123/stages/prod
      WebACLArn: !GetAtt Acl.Arn
`);
    expect(wafProtection(model, entity(model, 'aws.apigateway.stages', 'Resources.Stage'))).toBe('unknown');
  });
});

describe('attachments', () => {
  it('starts a Config recorder from a status that names it by reference or by literal name', async () => {
    const model = await terraformModel(`
resource "aws_config_configuration_recorder" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::123456789012:role/config"
}

resource "aws_config_configuration_recorder_status" "main" {
  name       = aws_config_configuration_recorder.main.name
  is_enabled = true
}

resource "aws_config_configuration_recorder" "second" {
  name     = "second"
  role_arn = "arn:aws:iam::123456789012:role/config"
}

resource "aws_config_configuration_recorder_status" "second" {
  name       = "second"
  is_enabled = false
}

resource "aws_config_configuration_recorder" "idle" {
  name     = "idle"
  role_arn = "arn:aws:iam::123456789012:role/config"
}
`);
    const recorders = 'aws.config.recorders';
    expect(
      settingOf(entity(model, recorders, 'aws_config_configuration_recorder.main'), 'recording'),
    ).toEqual({
      origin: 'explicit',
      value: true,
    });
    expect(
      settingOf(entity(model, recorders, 'aws_config_configuration_recorder.second'), 'recording'),
    ).toEqual({
      origin: 'explicit',
      value: false,
    });
    expect(
      settingOf(entity(model, recorders, 'aws_config_configuration_recorder.idle'), 'recording'),
    ).toEqual({
      origin: 'default',
      value: false,
    });
  });

  it('adds API Gateway method settings to the stage they name', async () => {
    const model = await terraformModel(`
resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = "abc123"
  deployment_id = "dep123"
  stage_name    = "prod"
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = "abc123"
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"

  settings {
    caching_enabled = true
  }
}
`);
    const stage = entity(model, 'aws.apigateway.stages', 'aws_api_gateway_stage.prod');
    const settings = stage.methodSettings as Entity[];
    expect(settings.map((s) => s.address)).toEqual(['aws_api_gateway_method_settings.all']);
    expect(settingOf(settings[0] as Entity, 'cachingEnabled')).toEqual({ origin: 'explicit', value: true });
    expect(settingOf(settings[0] as Entity, 'cacheDataEncrypted')).toEqual({
      origin: 'default',
      value: false,
    });
  });

  it('gives a CloudFormation topic policy to every topic it lists', () => {
    const model = cloudFormationModel(`
Resources:
  Orders:
    Type: AWS::SNS::Topic
  Alerts:
    Type: AWS::SNS::Topic
  Policy:
    Type: AWS::SNS::TopicPolicy
    Properties:
      Topics: [!Ref Orders, !Ref Alerts]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: '*'
            Action: SNS:Publish
`);
    for (const address of ['Resources.Orders', 'Resources.Alerts']) {
      const topic = entity(model, 'aws.sns.topics', address);
      expect(attr(topic, 'policy').value).toEqual({
        Statement: [{ Effect: 'Allow', Principal: '*', Action: 'SNS:Publish' }],
      });
      expect(topic.attachedBy).toEqual(['Resources.Policy']);
    }
  });
});

describe('field mappings', () => {
  it('reads OpenSearch audit logs from the AUDIT_LOGS block only', async () => {
    const model = await terraformModel(`
resource "aws_opensearch_domain" "audited" {
  domain_name = "audited"

  log_publishing_options {
    log_type                 = "SEARCH_SLOW_LOGS"
    cloudwatch_log_group_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:slow"
  }

  log_publishing_options {
    log_type                 = "AUDIT_LOGS"
    cloudwatch_log_group_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:audit"
  }
}

resource "aws_opensearch_domain" "paused" {
  domain_name = "paused"

  log_publishing_options {
    log_type                 = "AUDIT_LOGS"
    cloudwatch_log_group_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:audit"
    enabled                  = false
  }
}

resource "aws_opensearch_domain" "slow_only" {
  domain_name = "slow-only"

  log_publishing_options {
    log_type                 = "SEARCH_SLOW_LOGS"
    cloudwatch_log_group_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:slow"
  }
}
`);
    const domains = 'aws.opensearch.domains';
    expect(attr(entity(model, domains, 'aws_opensearch_domain.audited'), 'auditLogs').value).toBe(true);
    expect(attr(entity(model, domains, 'aws_opensearch_domain.paused'), 'auditLogs').value).toBe(false);
    expect(attr(entity(model, domains, 'aws_opensearch_domain.slow_only'), 'auditLogs').value).toBe(false);
  });

  it('reads require_ssl among several Redshift parameter blocks', async () => {
    const model = await terraformModel(`
resource "aws_redshift_parameter_group" "tls" {
  name   = "tls"
  family = "redshift-1.0"

  parameter {
    name  = "enable_user_activity_logging"
    value = "true"
  }

  parameter {
    name  = "require_ssl"
    value = "true"
  }
}

resource "aws_redshift_parameter_group" "plain" {
  name   = "plain"
  family = "redshift-1.0"

  parameter {
    name  = "enable_user_activity_logging"
    value = "true"
  }
}
`);
    const groups = 'aws.redshift.parameterGroups';
    expect(settingOf(entity(model, groups, 'aws_redshift_parameter_group.tls'), 'requireSsl')).toEqual({
      origin: 'explicit',
      value: true,
    });
    expect(settingOf(entity(model, groups, 'aws_redshift_parameter_group.plain'), 'requireSsl')).toEqual({
      origin: 'explicit',
      value: false,
    });
  });

  it('treats a Firehose stream fed by Kinesis as stream-sourced and a direct one as not', () => {
    const model = cloudFormationModel(`
Resources:
  Direct:
    Type: AWS::KinesisFirehose::DeliveryStream
    Properties:
      DeliveryStreamType: DirectPut
  FromStream:
    Type: AWS::KinesisFirehose::DeliveryStream
    Properties:
      DeliveryStreamType: KinesisStreamAsSource
      DeliveryStreamEncryptionConfigurationInput:
        KeyType: AWS_OWNED_CMK
`);
    const streams = 'aws.firehose.deliveryStreams';
    expect(settingOf(entity(model, streams, 'Resources.Direct'), 'streamSource')).toEqual({
      origin: 'explicit',
      value: false,
    });
    expect(settingOf(entity(model, streams, 'Resources.Direct'), 'encrypted')).toEqual({
      origin: 'default',
      value: false,
    });
    expect(settingOf(entity(model, streams, 'Resources.FromStream'), 'streamSource').value).toBe(true);
    expect(settingOf(entity(model, streams, 'Resources.FromStream'), 'encrypted').value).toBe(true);
  });
});

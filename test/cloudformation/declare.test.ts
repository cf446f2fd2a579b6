// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Fn::Sub placeholders are CloudFormation syntax, not JavaScript.
import { afterEach, describe, expect, it } from 'vitest';
import { FileError } from '../../scanners/core/errors.js';
import { scan } from '../../scanners/engine/scan.js';
import { builtinKinds } from '../../scanners/kinds/index.js';
import { emptyModel } from '../../scanners/model/model.js';
import { builtinRuleList } from '../../scanners/rules/registry.js';
import { makeTempDir, removeTempDirs } from '../helpers/tmp.js';
import { declare, detectFormat, lineOf, plainAt, resource, valueAt } from './helpers.js';

afterEach(removeTempDirs);

describe('CloudFormation resources', () => {
  it('declares each resource with its evaluated Properties, address, ranges and logical id', () => {
    const text = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Suffix:
    Type: String
    Default: logs
Resources:
  LogsBucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub 'acme-\${Suffix}'
      VersioningConfiguration:
        Status: Enabled
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref LogsBucket
      PolicyDocument:
        Statement:
          - Effect: Deny
            Resource: !Sub '\${LogsBucket.Arn}/*'
  Topic:
    Type: AWS::SNS::Topic
Outputs:
  Name:
    Value: !Ref LogsBucket
`;
    const resources = declare(text);
    expect(resources.map((r) => r.address)).toEqual([
      'Resources.LogsBucket',
      'Resources.Policy',
      'Resources.Topic',
    ]);
    const bucket = resource(resources, 'LogsBucket');
    expect(bucket).toMatchObject({
      family: 'cloudformation',
      type: 'AWS::S3::Bucket',
      file: 'template.yaml',
      refKeys: ['LogsBucket'],
    });
    expect(bucket.headerRange.startLine).toBe(lineOf(text, 'LogsBucket:'));
    expect(bucket.range.startLine).toBe(lineOf(text, 'LogsBucket:'));
    expect(bucket.range.endLine).toBe(lineOf(text, 'Status: Enabled'));
    expect(plainAt(bucket, 'BucketName')).toBe('acme-logs');
    expect(valueAt(bucket, 'BucketName')?.range.startLine).toBe(lineOf(text, 'BucketName'));
    const policy = resource(resources, 'Policy');
    expect(plainAt(policy, 'Bucket')).toEqual({ unknown: ['LogsBucket'] });
    expect(plainAt(policy, 'PolicyDocument.Statement.0.Resource')).toEqual({ unknown: ['LogsBucket'] });
    expect(resource(resources, 'Topic').body.entries).toEqual([]);
  });

  it('leaves out resources whose Condition is known false', () => {
    const text = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Env: { Type: String, Default: dev }
  Unset: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Equals [!Ref Env, dev]
  Maybe: !Equals [!Ref Unset, yes]
Resources:
  ProdOnly:
    Type: AWS::S3::Bucket
    Condition: IsProd
  DevOnly:
    Type: AWS::S3::Bucket
    Condition: IsDev
  Unknown:
    Type: AWS::S3::Bucket
    Condition: Maybe
  Properties:
    Type: AWS::S3::Bucket
    Properties: !If [IsProd, { BucketName: a }, !Ref AWS::NoValue]
  MaybeProperties:
    Type: AWS::S3::Bucket
    Properties: !If [Maybe, { BucketName: a, VersioningConfiguration: { Status: Enabled } }, !Ref AWS::NoValue]
`;
    const resources = declare(text);
    expect(resources.map((r) => r.address)).toEqual([
      'Resources.DevOnly',
      'Resources.Unknown',
      'Resources.Properties',
      'Resources.MaybeProperties',
    ]);
    expect(resource(resources, 'Properties').body.entries).toEqual([]);
    // Under an unknown condition the properties either exist or not: what they set is unknown, the rest default.
    const maybe = resource(resources, 'MaybeProperties');
    expect(maybe.body.entries.map((e) => e.key)).toEqual(['BucketName', 'VersioningConfiguration']);
    expect(plainAt(maybe, 'BucketName')).toEqual({ unknown: [] });
    expect(plainAt(maybe, 'VersioningConfiguration')).toEqual({ unknown: [] });
  });

  it('applies SAM Globals to serverless resources that do not set the property, keeping where each value is written', () => {
    const text = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Parameters:
  Stage: { Type: String, Default: prod }
Globals:
  Function:
    Runtime: python3.12
    Timeout: 30
    Tracing: Active
    Layers: [arn:aws:lambda:eu-west-1:123456789012:layer:common:1]
    Environment:
      Variables:
        STAGE: !Ref Stage
        LOG_LEVEL: info
  Api:
    TracingEnabled: true
  HttpApi:
    DisableExecuteApiEndpoint: true
  SimpleTable:
    SSESpecification:
      SSEEnabled: true
Resources:
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      Timeout: 60
      Layers: [arn:aws:lambda:eu-west-1:123456789012:layer:own:2]
      Environment:
        Variables:
          LOG_LEVEL: debug
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: !Ref Stage
  Http:
    Type: AWS::Serverless::HttpApi
  Table:
    Type: AWS::Serverless::SimpleTable
  Machine:
    Type: AWS::Serverless::StateMachine
    Properties:
      Type: STANDARD
  Layer:
    Type: AWS::Serverless::LayerVersion
    Properties:
      ContentUri: layer/
  Plain:
    Type: AWS::Lambda::Function
    Properties:
      Handler: x
`;
    const resources = declare(text);
    expect(resources.map((r) => r.type)).toEqual([
      'AWS::Serverless::Function',
      'AWS::Serverless::Api',
      'AWS::Serverless::HttpApi',
      'AWS::Serverless::SimpleTable',
      'AWS::Serverless::StateMachine',
      'AWS::Serverless::LayerVersion',
      'AWS::Lambda::Function',
    ]);
    const worker = resource(resources, 'Worker');
    expect(plainAt(worker, 'Timeout')).toBe(60);
    expect(plainAt(worker, 'Runtime')).toBe('python3.12');
    expect(plainAt(worker, 'Layers')).toEqual([
      'arn:aws:lambda:eu-west-1:123456789012:layer:common:1',
      'arn:aws:lambda:eu-west-1:123456789012:layer:own:2',
    ]);
    expect(plainAt(worker, 'Environment.Variables')).toEqual({ LOG_LEVEL: 'debug', STAGE: 'prod' });
    expect(valueAt(worker, 'Runtime')?.range.startLine).toBe(lineOf(text, 'Runtime: python3.12'));
    expect(valueAt(worker, 'Timeout')?.range.startLine).toBe(lineOf(text, 'Timeout: 60'));
    expect(valueAt(worker, 'Environment.Variables.STAGE')?.range.startLine).toBe(lineOf(text, 'STAGE: !Ref'));
    expect(plainAt(resource(resources, 'Api'), 'TracingEnabled')).toBe(true);
    expect(plainAt(resource(resources, 'Http'), 'DisableExecuteApiEndpoint')).toBe(true);
    expect(plainAt(resource(resources, 'Table'), 'SSESpecification.SSEEnabled')).toBe(true);
    expect(plainAt(resource(resources, 'Plain'), 'Runtime')).toBeUndefined();

    // Without the SAM transform, Globals mean nothing.
    const plain = declare(text.replace('Transform: AWS::Serverless-2016-10-31\n', ''));
    expect(plainAt(resource(plain, 'Worker'), 'Runtime')).toBeUndefined();
  });

  it('expands Fn::ForEach loops of the language extensions over known collections', () => {
    const text = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::LanguageExtensions
Parameters:
  Names:
    Type: CommaDelimitedList
    Default: logs,audit-trail
  Unknown:
    Type: CommaDelimitedList
Resources:
  Fn::ForEach::Buckets:
    - Name
    - !Ref Names
    - Bucket&{Name}:
        Type: AWS::S3::Bucket
        Properties:
          BucketName: !Sub 'acme-\${Name}'
          Tags:
            - Key: purpose
              Value: !Ref Name
      Policy&{Name}:
        Type: AWS::S3::BucketPolicy
        Properties:
          Bucket: !Ref Bucket&{Name}
  Fn::ForEach::Skipped:
    - Name
    - !Ref Unknown
    - Topic\${Name}:
        Type: AWS::SNS::Topic
`;
    const resources = declare(text);
    expect(resources.map((r) => r.address)).toEqual([
      'Resources.Bucketlogs',
      'Resources.Policylogs',
      'Resources.Bucketaudittrail',
      'Resources.Policyaudittrail',
    ]);
    const bucket = resource(resources, 'Bucketaudittrail');
    expect(plainAt(bucket, 'BucketName')).toBe('acme-audit-trail');
    expect(plainAt(bucket, 'Tags')).toEqual([{ Key: 'purpose', Value: 'audit-trail' }]);
    expect(bucket.headerRange.startLine).toBe(lineOf(text, 'Bucket&{Name}:'));
    expect(plainAt(resource(resources, 'Policylogs'), 'Bucket')).toEqual({ unknown: ['Bucketlogs'] });
  });

  it('keeps hostile names as data', () => {
    const text = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  __proto__: { Type: String, Default: polluted }
  constructor: { Type: String }
Mappings:
  __proto__:
    constructor:
      toString: mapped
Conditions:
  toString: !Equals [a, a]
Resources:
  hasOwnProperty:
    Type: AWS::S3::Bucket
    Condition: toString
    Properties:
      BucketName: !Ref __proto__
      Tags: !FindInMap [__proto__, constructor, toString]
      Other: !Ref constructor
      Missing: !Ref valueOf
      Self: !GetAtt hasOwnProperty.Arn
`;
    const [bucket] = declare(text);
    if (!bucket) throw new Error('missing');
    expect(bucket.address).toBe('Resources.hasOwnProperty');
    expect(plainAt(bucket, 'BucketName')).toBe('polluted');
    expect(plainAt(bucket, 'Tags')).toBe('mapped');
    expect(plainAt(bucket, 'Other')).toEqual({ unknown: [] });
    expect(plainAt(bucket, 'Missing')).toEqual({ unknown: [] });
    expect(plainAt(bucket, 'Self')).toEqual({ unknown: ['hasOwnProperty'] });
    expect(({} as Record<string, unknown>).toString).toBe(Object.prototype.toString);
  });

  it('fails malformed templates with a FileError', () => {
    for (const text of [
      '- just\n- a list\n',
      "AWSTemplateFormatVersion: '2010-09-09'\nResources: [a]\n",
      "AWSTemplateFormatVersion: '2010-09-09'\nResources: text\n",
    ]) {
      expect(() => declare(text), text).toThrow(FileError);
    }
  });

  it('skips resources without a Type and keeps the others', () => {
    const text =
      "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A: text\n  B: ~\n  C:\n    Properties: {}\n  D:\n    Type: AWS::SNS::Topic\n";
    expect(declare(text).map((r) => r.address)).toEqual(['Resources.D']);
  });

  it('bounds self-referencing and exponential templates', () => {
    const conditions = Array.from(
      { length: 60 },
      (_, i) => `  C${i}: !And [!Condition C${i + 1}, !Condition C${i + 1}]`,
    );
    const text = `AWSTemplateFormatVersion: '2010-09-09'
Conditions:
${conditions.join('\n')}
  C60: !Equals [a, a]
Resources:
  B:
    Type: AWS::S3::Bucket
    Condition: C0
`;
    // Conditions are evaluated once each, so the chain is cheap and known.
    expect(declare(text).map((r) => r.address)).toEqual(['Resources.B']);
  });
});

describe('CloudFormation end to end', () => {
  it('finds unversioned buckets through parameters, conditions and SAM, and keeps unknown values quiet', async () => {
    const template = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  VersioningStatus:
    Type: String
    Default: Suspended
  Unset:
    Type: String
Conditions:
  IsProd: !Equals [!Ref AWS::Region, eu-west-1]
  Always: !Equals [x, x]
Resources:
  FromParameter:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: !Ref VersioningStatus
  FromCondition:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: !If [Always, Suspended, Enabled]
  Unknowable:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: !If [IsProd, Enabled, Suspended]
  FromUnsetParameter:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: !Ref Unset
  Missing:
    Type: AWS::S3::Bucket
  Versioned:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: !Sub 'En\${Suffix}'
`.replace('${Suffix}', 'abled');
    const root = makeTempDir({
      'stack.yaml': template,
      'broken.yaml': "AWSTemplateFormatVersion: '2010-09-09'\nResources: [A]\n",
      'other.json': JSON.stringify({
        AWSTemplateFormatVersion: '2010-09-09',
        Resources: {
          Json: { Type: 'AWS::S3::Bucket', Properties: { VersioningConfiguration: { Status: 'Suspended' } } },
        },
      }),
    });
    const rules = builtinRuleList().filter((rule) => rule.id === 'PAL-AWS-S3-001');
    const result = await scan({ root, rules, jobs: 1 });
    expect(
      result.findings.map((f) => `${f.location.file}:${f.location.startLine} ${f.resource}`).sort(),
    ).toEqual(
      [
        `stack.yaml:${lineOf(template, 'Status: !Ref VersioningStatus')} Resources.FromParameter`,
        `stack.yaml:${lineOf(template, 'Status: !If [Always')} Resources.FromCondition`,
        `stack.yaml:${lineOf(template, 'Missing:')} Resources.Missing`,
        'other.json:1 Resources.Json',
      ].sort(),
    );
    expect(result.errors.map((e) => [e.file, e.level])).toEqual([['broken.yaml', 'error']]);
    expect(result.errors[0]).toMatchObject({ code: 'parse-failed', line: 2 });
    expect(result.errors[0]?.message).toMatch(/`Resources` must be a map/);
  });

  it('attaches a bucket policy to the bucket its !Ref names', () => {
    const text = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  B:
    Type: AWS::S3::Bucket
  BPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref B
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: '*'
            Action: s3:GetObject
            Resource: !Sub '\${B.Arn}/*'
`;
    const resources = declare(text);
    expect(plainAt(resource(resources, 'BPolicy'), 'Bucket')).toEqual({ unknown: ['B'] });
    const model = emptyModel();
    builtinKinds().map(resources, model);
    const [bucket] = model.aws.s3?.buckets ?? [];
    expect(bucket?.address).toBe('Resources.B');
    expect(bucket?.attachedBy).toEqual(['Resources.BPolicy']);
  });

  it('recognises CloudFormation by content under any structured name', () => {
    expect(
      detectFormat('infra/stack.template', "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n"),
    ).toBe('cloudformation');
    expect(
      detectFormat(
        'sam.yaml',
        'Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n',
      ),
    ).toBe('cloudformation');
  });
});

import { describe, expect, it } from 'vitest';
import { declareCloudFormation } from '../../scanners/adapters/cloudformation.js';
import { parseSourceFile, sourceFile } from '../../scanners/parsers/source-file.js';
import { planArmTags } from '../../scanners/tagging/arm.js';
import { planCloudFormationTags } from '../../scanners/tagging/cloudformation.js';
import { applyEdits } from '../../scanners/tagging/edits.js';
import { sequentialIds } from './ids.js';

function tagTemplate(text: string, json = false) {
  const plan = planCloudFormationTags(text, sequentialIds(), json);
  return { text: applyEdits(text, plan.edits), plan };
}

/** The template as the scanner declares it: the tagged file must still parse and evaluate. */
function declared(path: string, text: string) {
  const file = sourceFile(path, 'cloudformation', text);
  parseSourceFile(file);
  return declareCloudFormation(file);
}

describe('palisade tag: CloudFormation YAML', () => {
  it('appends to Tags lists and maps, adds Tags and Properties, and keeps comments and short forms', () => {
    const source = `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Description: Orders service # owned by team-orders
Parameters:
  QueueName: { Type: String }
Resources:
  # Raw order events
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub "\${AWS::StackName}-logs"
      Tags:
        - Key: team   # owner
          Value: orders
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Ref QueueName
  Topic:
    Type: AWS::SNS::Topic
  Handler:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      InlineCode: |
        exports.handler = async () => 'ok';
      Tags:
        team: orders
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Logs
      PolicyDocument: { Statement: [] }
Outputs:
  LogsArn:
    Value: !GetAtt Logs.Arn
`;
    const { text, plan } = tagTemplate(source);
    expect(text).toBe(`AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Description: Orders service # owned by team-orders
Parameters:
  QueueName: { Type: String }
Resources:
  # Raw order events
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub "\${AWS::StackName}-logs"
      Tags:
        - Key: team   # owner
          Value: orders
        - Key: palisade_trace
          Value: "00000000-0000-4000-8000-000000000001"
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Ref QueueName
      Tags:
        - Key: palisade_trace
          Value: "00000000-0000-4000-8000-000000000002"
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      Tags:
        - Key: palisade_trace
          Value: "00000000-0000-4000-8000-000000000003"
  Handler:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      InlineCode: |
        exports.handler = async () => 'ok';
      Tags:
        team: orders
        palisade_trace: "00000000-0000-4000-8000-000000000004"
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Logs
      PolicyDocument: { Statement: [] }
Outputs:
  LogsArn:
    Value: !GetAtt Logs.Arn
`);
    expect(plan.resources.map((r) => `${r.line} ${r.address}`)).toEqual([
      '8 Resources.Logs',
      '15 Resources.Queue',
      '19 Resources.Topic',
      '21 Resources.Handler',
    ]);
    const resources = declared('template.yaml', text);
    const queue = resources.find((r) => r.address === 'Resources.Queue');
    expect(JSON.stringify(queue?.body)).toContain('00000000-0000-4000-8000-000000000002');
    expect(tagTemplate(text).plan.edits).toEqual([]);
  });

  it('follows sequences written at their key indentation, and reports computed Tags it cannot extend', () => {
    const source = `Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      Tags:
      - Key: team
        Value: web
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      Tags: !If [IsProd, [{ Key: env, Value: prod }], !Ref AWS::NoValue]
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
`;
    const { text, plan } = tagTemplate(source);
    expect(text).toContain(
      '      Tags:\n      - Key: team\n        Value: web\n      - Key: palisade_trace\n        Value: "00000000-0000-4000-8000-000000000001"\n',
    );
    expect(text).toContain(
      '      CidrBlock: 10.0.0.0/16\n      Tags:\n      - Key: palisade_trace\n        Value: "00000000-0000-4000-8000-000000000002"\n',
    );
    expect(plan.resources.find((r) => r.address === 'Resources.Table')?.problem).toMatch(/computed/);
    expect(() => declared('template.yaml', text)).not.toThrow();
  });

  it('recognises yor_trace and mapping_tag as existing trace tags', () => {
    const source = `Resources:
  A:
    Type: AWS::S3::Bucket
    Properties:
      Tags:
        - Key: yor_trace
          Value: 1f2e
  B:
    Type: AWS::Serverless::Function
    Properties:
      Tags: { mapping_tag: m-2 }
`;
    const { plan } = tagTemplate(source);
    expect(plan.edits).toEqual([]);
    expect(plan.resources.map((r) => r.traced)).toEqual([true, true]);
  });
});

describe('palisade tag: CloudFormation JSON', () => {
  it('inserts in the layout of the surrounding JSON', () => {
    const source = `{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Resources": {
    "Logs": {
      "Type": "AWS::S3::Bucket",
      "Properties": {
        "BucketName": "acme-logs",
        "Tags": [
          { "Key": "team", "Value": "payments" }
        ]
      }
    },
    "Topic": { "Type": "AWS::SNS::Topic" },
    "Key": {
      "Type": "AWS::KMS::Key",
      "Properties": {
        "EnableKeyRotation": true
      }
    }
  }
}
`;
    const { text } = tagTemplate(source, true);
    expect(text).toBe(`{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Resources": {
    "Logs": {
      "Type": "AWS::S3::Bucket",
      "Properties": {
        "BucketName": "acme-logs",
        "Tags": [
          { "Key": "team", "Value": "payments" },
          { "Key": "palisade_trace", "Value": "00000000-0000-4000-8000-000000000001" }
        ]
      }
    },
    "Topic": { "Type": "AWS::SNS::Topic", "Properties": { "Tags": [ { "Key": "palisade_trace", "Value": "00000000-0000-4000-8000-000000000002" } ] } },
    "Key": {
      "Type": "AWS::KMS::Key",
      "Properties": {
        "EnableKeyRotation": true,
        "Tags": [
          {
            "Key": "palisade_trace",
            "Value": "00000000-0000-4000-8000-000000000003"
          }
        ]
      }
    }
  }
}
`);
    expect(JSON.parse(text)).toBeTruthy();
    expect(tagTemplate(text, true).plan.edits).toEqual([]);
    expect(declared('template.json', text)).toHaveLength(3);
  });
});

describe('palisade tag: ARM', () => {
  it('tags tracked resources (with a location), extends tags objects, wraps expressions in union()', () => {
    const source = `{
    "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
    "contentVersion": "1.0.0.0",
    "parameters": { "tags": { "type": "object", "defaultValue": {} } },
    "resources": [
        {
            "type": "Microsoft.Storage/storageAccounts",
            "apiVersion": "2023-01-01",
            "name": "acmestore",
            "location": "westeurope",
            "sku": { "name": "Standard_LRS" }
        },
        {
            "type": "Microsoft.KeyVault/vaults",
            "apiVersion": "2023-01-01",
            "name": "acmevault",
            "location": "[resourceGroup().location]",
            "tags": "[parameters('tags')]",
            "properties": { "tenantId": "[subscription().tenantId]" }
        },
        {
            "type": "Microsoft.Web/sites",
            "apiVersion": "2022-09-01",
            "name": "acmeweb",
            "location": "westeurope",
            "tags": { "team": "web" },
            "resources": [
                {
                    "type": "config",
                    "apiVersion": "2022-09-01",
                    "name": "web",
                    "properties": { "ftpsState": "Disabled" }
                }
            ]
        }
    ]
}
`;
    const plan = planArmTags(source, sequentialIds());
    const text = applyEdits(source, plan.edits);
    expect(text).toContain(
      '            "sku": { "name": "Standard_LRS" },\n            "tags": {\n                "palisade_trace": "00000000-0000-4000-8000-000000000001"\n            }\n        },',
    );
    expect(text).toContain(
      `"tags": "[union(parameters('tags'), createObject('palisade_trace', '00000000-0000-4000-8000-000000000002'))]",`,
    );
    expect(text).toContain(
      '"tags": { "team": "web", "palisade_trace": "00000000-0000-4000-8000-000000000003" },',
    );
    // The site's config child has no location: a proxy resource, never tagged.
    expect(plan.resources.map((r) => r.address)).toEqual([
      'Microsoft.Storage/storageAccounts/acmestore',
      'Microsoft.KeyVault/vaults/acmevault',
      'Microsoft.Web/sites/acmeweb',
    ]);
    expect(JSON.parse(text)).toBeTruthy();
    const again = planArmTags(text, sequentialIds());
    expect(again.edits).toEqual([]);
    expect(again.resources.every((r) => r.traced)).toBe(true);
  });
});

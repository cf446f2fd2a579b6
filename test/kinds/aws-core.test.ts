import { describe, expect, it } from 'vitest';
import { taskContainers } from '../../scanners/kinds/aws/ecs.js';
import { identityPolicyDocuments } from '../../scanners/kinds/aws/iam.js';
import {
  allowsAnyoneUnconditionally,
  appliesToAllResources,
  conditionValues,
  deniesInsecureTransport,
  grantsAction,
  hasPublicPrincipal,
  policyStatements,
  wildcardMatches,
} from '../../scanners/kinds/aws/policy.js';
import { cannedAcl } from '../../scanners/kinds/aws/s3.js';
import { coversAllPorts, coversPort, internetSource, ipProtocol } from '../../scanners/kinds/aws/vpc.js';
import { builtinKinds } from '../../scanners/kinds/index.js';
import type { Attr } from '../../scanners/model/attr.js';
import { type Entity, emptyModel, type Model, resources } from '../../scanners/model/model.js';
import { declare as declareTemplate } from '../cloudformation/helpers.js';
import { declare as declareModule } from '../terraform/helpers.js';

function cfnModel(text: string): Model {
  const model = emptyModel();
  builtinKinds().map(declareTemplate(text), model);
  return model;
}

async function terraformModel(text: string): Promise<Model> {
  const { resources: declared, errors } = await declareModule({ 'main.tf': text });
  expect(errors).toEqual([]);
  const model = emptyModel();
  builtinKinds().map(declared, model);
  return model;
}

function only(model: Model, collection: string, address?: string): Entity {
  const found = resources(model, collection).filter((e) => address === undefined || e.address === address);
  if (found.length !== 1) throw new Error(`expected one ${address ?? collection}, found ${found.length}`);
  return found[0] as Entity;
}

const attr = (entity: Entity, path: string) => {
  let current: unknown = entity;
  for (const key of path.split('.')) current = (current as Record<string, unknown>)[key];
  return current as Attr<unknown>;
};

describe('policy documents', () => {
  it('normalises JSON strings and objects, single statements and lists', () => {
    const fromString = policyStatements(
      '{"Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}',
    );
    expect(fromString).toHaveLength(1);
    expect(fromString?.[0]?.action).toEqual({ values: ['s3:GetObject'], complete: true });
    const fromObject = policyStatements({
      Statement: [
        { Sid: 'A', Effect: 'Deny', NotAction: ['iam:*', 'sts:*'], Resource: ['arn:a', 'arn:b'] },
        { Effect: 'Allow', Principal: '*', Action: 's3:*' },
      ],
    });
    expect(fromObject?.map((s) => s.effect)).toEqual(['Deny', 'Allow']);
    expect(fromObject?.[0]?.sid).toBe('A');
    expect(fromObject?.[0]?.notAction?.values).toEqual(['iam:*', 'sts:*']);
    expect(fromObject?.[1]?.principal?.get('AWS')).toEqual({ values: ['*'], complete: true });
  });

  it('is unknown for unparsable or malformed documents, and empty without statements', () => {
    expect(policyStatements('{not json')).toBeUndefined();
    expect(policyStatements(undefined)).toBeUndefined();
    expect(policyStatements(['Statement'])).toBeUndefined();
    expect(policyStatements({ Statement: ['Allow'] })).toBeUndefined();
    expect(policyStatements({ Statement: undefined })).toBeUndefined();
    expect(policyStatements({ Version: '2012-10-17' })).toEqual([]);
  });

  it('marks lists with values it could not know as incomplete', () => {
    const [statement] = policyStatements({
      Statement: { Effect: 'Allow', Action: ['s3:GetObject', undefined], Resource: undefined },
    })!;
    expect(statement?.action).toEqual({ values: ['s3:GetObject'], complete: false });
    expect(appliesToAllResources(statement!)).toBe('unknown');
    expect(grantsAction(statement!, 'iam:PassRole')).toBe('unknown');
    expect(grantsAction(statement!, 's3:GetObject')).toBe(true);
  });

  it('matches IAM wildcards case-insensitively and treats other characters literally', () => {
    expect(wildcardMatches('iam:Pass*', 'iam:PassRole')).toBe(true);
    expect(wildcardMatches('IAM:passrole', 'iam:PassRole')).toBe(true);
    expect(wildcardMatches('iam:?assRole', 'iam:PassRole')).toBe(true);
    expect(wildcardMatches('iam:Get*', 'iam:PassRole')).toBe(false);
    expect(wildcardMatches('s3:Get.bject', 's3:GetXbject')).toBe(false);
    expect(wildcardMatches('s3:(Get)', 's3:(Get)')).toBe(true);
    expect(wildcardMatches('*', '')).toBe(true);
    expect(wildcardMatches('s3:*Object*', 's3:GetObjectAcl')).toBe(true);
    expect(wildcardMatches('s3:*Object', 's3:GetObjectAcl')).toBe(false);
    expect(wildcardMatches('iam:PassRole', 'iam:PassRoles')).toBe(false);
    // Many stars against a value that almost matches: no exponential backtracking.
    expect(wildcardMatches(`${'*a'.repeat(2000)}b`, 'a'.repeat(5000))).toBe(false);
  });

  it('reads NotAction as every action it does not list', () => {
    const [allowNot] = policyStatements({
      Statement: { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
    })!;
    expect(grantsAction(allowNot!, 's3:DeleteBucket')).toBe(true);
    expect(grantsAction(allowNot!, 'iam:PassRole')).toBe(false);
    const [deny] = policyStatements({ Statement: { Effect: 'Deny', Action: '*', Resource: '*' } })!;
    expect(grantsAction(deny!, 'iam:PassRole')).toBe(false);
    const [unknownEffect] = policyStatements({ Statement: { Action: '*', Resource: '*' } })!;
    expect(grantsAction(unknownEffect!, 'iam:PassRole')).toBe('unknown');
  });

  it('recognises a public principal in each spelling, and only unconditional allows as open', () => {
    const statements = policyStatements({
      Statement: [
        { Effect: 'Allow', Principal: '*', Action: 's3:GetObject' },
        {
          Effect: 'Allow',
          Principal: { AWS: ['arn:aws:iam::111122223333:root', '*'] },
          Action: 's3:GetObject',
        },
        { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
        { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Condition: { StringEquals: { a: 'b' } } },
        { Effect: 'Deny', Principal: '*', Action: 's3:*' },
        { Effect: 'Allow', Principal: undefined, Action: 's3:GetObject' },
      ],
    })!;
    expect(statements.map(hasPublicPrincipal)).toEqual([true, true, false, true, true, 'unknown']);
    expect(statements.map(allowsAnyoneUnconditionally)).toEqual([true, true, false, false, false, 'unknown']);
  });

  it('gathers the values each condition key is tested against, across operators', () => {
    const [statement] = policyStatements({
      Statement: {
        Effect: 'Allow',
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
          StringLike: { 'Token.Actions.GithubUserContent.com:sub': ['repo:acme/*', undefined] },
        },
      },
    })!;
    const values = conditionValues(statement!);
    expect(values?.get('token.actions.githubusercontent.com:aud')).toEqual({
      values: ['sts.amazonaws.com'],
      complete: true,
    });
    expect(values?.get('token.actions.githubusercontent.com:sub')).toEqual({
      values: ['repo:acme/*'],
      complete: false,
    });
    const [unknown] = policyStatements({
      Statement: { Effect: 'Allow', Condition: { StringLike: undefined } },
    })!;
    expect(conditionValues(unknown!)).toBeUndefined();
    const [none] = policyStatements({ Statement: { Effect: 'Allow' } })!;
    expect(conditionValues(none!)?.size).toBe(0);
  });

  it('finds a deny of requests without TLS in its usual spellings', () => {
    const deny = (condition: unknown, action: unknown = 's3:*') =>
      deniesInsecureTransport(
        policyStatements({
          Statement: [{ Effect: 'Deny', Principal: '*', Action: action, Condition: condition }],
        })!,
      );
    expect(deny({ Bool: { 'aws:SecureTransport': 'false' } })).toBe(true);
    expect(deny({ Bool: { 'aws:securetransport': false } })).toBe(true);
    expect(deny({ BoolIfExists: { 'aws:SecureTransport': ['false'] } })).toBe(true);
    expect(deny({ Bool: { 'aws:SecureTransport': 'false' } }, '*')).toBe(true);
    // Denying only uploads leaves reads over HTTP open.
    expect(deny({ Bool: { 'aws:SecureTransport': 'false' } }, 's3:PutObject')).toBe(false);
    expect(deny({ Bool: { 'aws:SecureTransport': 'true' } })).toBe(false);
    expect(deny({ StringEquals: { 'aws:SourceVpce': 'vpce-1' } })).toBe(false);
    expect(deny({ Bool: { 'aws:SecureTransport': undefined } })).toBe('unknown');
    expect(deniesInsecureTransport([])).toBe(false);
  });
});

describe('S3 bucket kind', () => {
  it('spells CloudFormation canned ACLs as S3 headers', () => {
    expect(cannedAcl('PublicReadWrite')).toBe('public-read-write');
    expect(cannedAcl('AwsExecRead')).toBe('aws-exec-read');
    expect(cannedAcl('private')).toBe('private');
  });

  it('applies the S3 defaults without a block, and false for a flag a declared block leaves out', () => {
    const model = cfnModel(`Resources:
  Plain:
    Type: AWS::S3::Bucket
  Partial:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
`);
    const plain = only(model, 'aws.s3.buckets', 'Resources.Plain');
    expect(attr(plain, 'publicAccessBlock.declared').value).toBe(false);
    expect(attr(plain, 'publicAccessBlock.blockPublicPolicy')).toMatchObject({
      value: true,
      origin: 'default',
    });
    const partial = only(model, 'aws.s3.buckets', 'Resources.Partial');
    expect(attr(partial, 'publicAccessBlock.blockPublicAcls')).toMatchObject({
      value: true,
      origin: 'explicit',
    });
    expect(attr(partial, 'publicAccessBlock.blockPublicPolicy')).toMatchObject({
      value: false,
      origin: 'explicit',
    });
    expect(attr(partial, 'publicAccessBlock.blockPublicPolicy').range.startLine).toBe(8);
  });

  it('takes the policy, encryption and block from separate Terraform resources', async () => {
    const model = await terraformModel(`
resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
}

resource "aws_s3_bucket_public_access_block" "logs" {
  bucket            = aws_s3_bucket.logs.id
  block_public_acls = true
}

resource "aws_s3_bucket_policy" "logs" {
  bucket = "acme-logs"
  policy = jsonencode({ Statement = [{ Effect = "Deny", Principal = "*", Action = "s3:*" }] })
}

resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}
`);
    const bucket = only(model, 'aws.s3.buckets');
    expect(attr(bucket, 'publicAccessBlock.declared').value).toBe(true);
    expect(attr(bucket, 'publicAccessBlock.blockPublicAcls').value).toBe(true);
    expect(attr(bucket, 'publicAccessBlock.ignorePublicAcls')).toMatchObject({
      value: false,
      origin: 'default',
    });
    expect(policyStatements(attr(bucket, 'policy').value)?.[0]?.effect).toBe('Deny');
    expect(attr(bucket, 'encryption.algorithm').value).toBe('aws:kms');
    expect(bucket.attachedBy).toHaveLength(3);
  });
});

describe('security groups', () => {
  it('normalises protocols by number and name', () => {
    expect(['-1', 'all', -1, '6', 'TCP', 17, 'icmp'].map(ipProtocol)).toEqual([
      'all',
      'all',
      'all',
      'tcp',
      'tcp',
      'udp',
      'icmp',
    ]);
  });

  it('collects inline, separate and CloudFormation rules, and the instances using the group', async () => {
    const model = await terraformModel(`
resource "aws_security_group" "web" {
  name = "web"
  ingress {
    from_port   = 20
    to_port     = 25
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]
  }
}

resource "aws_security_group_rule" "all" {
  type              = "ingress"
  security_group_id = aws_security_group.web.id
  from_port         = 0
  to_port           = 0
  protocol          = "-1"
  ipv6_cidr_blocks  = ["::/0"]
}

resource "aws_security_group_rule" "out" {
  type              = "egress"
  security_group_id = aws_security_group.web.id
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_vpc_security_group_ingress_rule" "udp" {
  security_group_id = aws_security_group.web.id
  ip_protocol       = "udp"
  from_port         = 1
  to_port           = 65535
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_instance" "web" {
  ami                    = "ami-1"
  vpc_security_group_ids = [aws_security_group.web.id]
}
`);
    const group = only(model, 'aws.vpc.securityGroups');
    const ingress = group.ingress as Entity[];
    expect(ingress).toHaveLength(3);
    expect(ingress.map((r) => coversPort(r, 22))).toEqual([true, true, false]);
    expect(ingress.map(coversAllPorts)).toEqual([false, true, true]);
    expect(ingress.map((r) => (internetSource(r) as Attr<unknown>).value)).toEqual([
      ['10.0.0.0/8', '0.0.0.0/0'],
      ['::/0'],
      ['0.0.0.0/0'],
    ]);
    expect((group.egress as Entity[]).map((r) => attr(r, 'fromPort').value)).toEqual([443]);
    expect((group.attachedCompute as Entity[]).map((c) => c.address)).toEqual(['aws_instance.web']);
  });

  it('answers unknown when a source or a port cannot be known', () => {
    const model = cfnModel(`Parameters:
  Cidr:
    Type: String
  Port:
    Type: Number
Resources:
  Group:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: g
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: !Ref Cidr
        - IpProtocol: tcp
          FromPort: !Ref Port
          ToPort: 22
          CidrIp: 0.0.0.0/0
        - IpProtocol: tcp
          FromPort: 80
          ToPort: 80
          SourceSecurityGroupId: sg-1
`);
    const [unknownSource, unknownPort, fromGroup] = only(model, 'aws.vpc.securityGroups').ingress as Entity[];
    expect(internetSource(unknownSource!)).toBe('unknown');
    expect(coversPort(unknownPort!, 22)).toBe('unknown');
    expect(internetSource(fromGroup!)).toBeUndefined();
  });

  it('adds CloudFormation network ACL entries that are not egress to the ACL', () => {
    const model = cfnModel(`Resources:
  Acl:
    Type: AWS::EC2::NetworkAcl
  In:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      NetworkAclId: !Ref Acl
      Protocol: 6
      RuleAction: ALLOW
      CidrBlock: 0.0.0.0/0
      PortRange: { From: 22, To: 22 }
  Out:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      NetworkAclId: !Ref Acl
      Egress: true
      Protocol: -1
      RuleAction: allow
      CidrBlock: 0.0.0.0/0
`);
    const entries = only(model, 'aws.vpc.networkAcls').ingress as Entity[];
    expect(entries.map((e) => [attr(e, 'action').value, attr(e, 'protocol').value])).toEqual([
      ['allow', 'tcp'],
    ]);
    expect(coversPort(entries[0]!, 22)).toBe(true);
  });

  it('marks a VPC as logged only by a flow log that refers to it', () => {
    const model = cfnModel(`Resources:
  Logged:
    Type: AWS::EC2::VPC
  Unlogged:
    Type: AWS::EC2::VPC
  Log:
    Type: AWS::EC2::FlowLog
    Properties:
      ResourceId: !Ref Logged
      ResourceType: VPC
`);
    expect(attr(only(model, 'aws.vpc.vpcs', 'Resources.Logged'), 'flowLogs').value).toBe(true);
    expect(attr(only(model, 'aws.vpc.vpcs', 'Resources.Unlogged'), 'flowLogs').value).toBe(false);
  });
});

describe('ECS task containers', () => {
  it('reads the ECS API spelling from JSON and CloudFormation spelling, with ECS defaults', () => {
    const api = taskContainers(
      JSON.stringify([
        { name: 'api', privileged: true, environment: [{ name: 'A', value: '1' }] },
        { name: 'sidecar', user: '1000', readonlyRootFilesystem: true },
      ]),
    );
    expect(api).toEqual([
      {
        name: 'api',
        privileged: true,
        user: null,
        readonlyRootFilesystem: false,
        environment: [{ name: 'A', value: '1' }],
      },
      { name: 'sidecar', privileged: false, user: '1000', readonlyRootFilesystem: true, environment: [] },
    ]);
    const cfn = taskContainers([
      { Name: 'web', User: 'root', Environment: [{ Name: 'B', Value: undefined }] },
    ]);
    expect(cfn?.[0]).toMatchObject({
      name: 'web',
      user: 'root',
      environment: [{ name: 'B', value: undefined }],
    });
  });

  it('keeps a value it could not know as undefined, not as the default', () => {
    expect(taskContainers([{ name: 'x', privileged: undefined }])?.[0]?.privileged).toBeUndefined();
    expect(taskContainers('not json')).toBeUndefined();
    expect(taskContainers([1, 2])).toBeUndefined();
  });
});

describe('IAM and other kinds', () => {
  it('lists standalone and inline identity policies with their holder', () => {
    const model = cfnModel(`Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [] }
      Policies:
        - PolicyName: inline
          PolicyDocument: { Statement: [{ Effect: Allow, Action: '*', Resource: '*' }] }
  Managed:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      Users: [alice]
      PolicyDocument: { Statement: [] }
`);
    const documents = identityPolicyDocuments(model);
    expect(documents.map((d) => [d.resource.address, d.holder.address])).toEqual([
      ['Resources.Managed', 'Resources.Managed'],
      ['Resources.Role.inlinePolicies[0]', 'Resources.Role'],
    ]);
    expect(attr(only(model, 'aws.iam.policies'), 'users').value).toEqual(['alice']);
  });

  it('reads EKS log types and ECS container insights from their list forms', () => {
    const model = cfnModel(`Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      Logging:
        ClusterLogging:
          EnabledTypes: [{ Type: api }, { Type: audit }]
  Ecs:
    Type: AWS::ECS::Cluster
    Properties:
      ClusterSettings:
        - Name: containerInsights
          Value: enhanced
  Bare:
    Type: AWS::ECS::Cluster
`);
    expect(attr(only(model, 'aws.eks.clusters'), 'logTypes').value).toEqual(['api', 'audit']);
    expect(attr(only(model, 'aws.eks.clusters'), 'publicAccessCidrs')).toMatchObject({
      value: ['0.0.0.0/0'],
      origin: 'default',
    });
    expect(attr(only(model, 'aws.ecs.clusters', 'Resources.Ecs'), 'containerInsights').value).toBe(
      'enhanced',
    );
    expect(attr(only(model, 'aws.ecs.clusters', 'Resources.Bare'), 'containerInsights')).toMatchObject({
      value: 'disabled',
      origin: 'default',
    });
  });

  it('maps a SAM function URL only when the function declares one', () => {
    const model = cfnModel(`Resources:
  WithUrl:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      FunctionUrlConfig:
        AuthType: NONE
  WithoutUrl:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
`);
    expect(resources(model, 'aws.lambda.functionUrls').map((u) => u.address)).toEqual(['Resources.WithUrl']);
    expect(resources(model, 'aws.lambda.functions')).toHaveLength(2);
    // SAM Globals may set tracing: an absent value is not the Lambda default.
    expect(
      attr(only(model, 'aws.lambda.functions', 'Resources.WithoutUrl'), 'tracingMode').value,
    ).toBeUndefined();
  });

  it('attaches Terraform repository and key policies by name or reference', async () => {
    const model = await terraformModel(`
resource "aws_ecr_repository" "api" {
  name = "api"
}

resource "aws_ecr_repository_policy" "api" {
  repository = "api"
  policy     = jsonencode({ Statement = [{ Effect = "Allow", Principal = "*", Action = "ecr:BatchGetImage" }] })
}

resource "aws_ecr_lifecycle_policy" "api" {
  repository = aws_ecr_repository.api.name
  policy     = file("lifecycle.json")
}

resource "aws_ecr_repository" "worker" {
  name = "worker"
}

resource "aws_kms_key" "data" {}

resource "aws_kms_key_policy" "data" {
  key_id = aws_kms_key.data.id
  policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "kms:Decrypt" }] })
}
`);
    const api = only(model, 'aws.ecr.repositories', 'aws_ecr_repository.api');
    expect(policyStatements(attr(api, 'policy').value)?.map(allowsAnyoneUnconditionally)).toEqual([true]);
    expect(attr(api, 'lifecyclePolicy').value).toBe(true);
    const worker = only(model, 'aws.ecr.repositories', 'aws_ecr_repository.worker');
    expect(attr(worker, 'lifecyclePolicy')).toMatchObject({ value: false, origin: 'default' });
    expect(attr(worker, 'policy')).toMatchObject({ value: undefined, origin: 'default' });
    const key = only(model, 'aws.kms.keys');
    expect(policyStatements(attr(key, 'policy').value)?.map(hasPublicPrincipal)).toEqual([true]);
    expect(attr(key, 'deletionWindow')).toMatchObject({ value: 30, origin: 'default' });
  });

  it('tells which principal a Terraform policy attachment grants to', async () => {
    const model = await terraformModel(`
resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user_policy_attachment" "alice" {
  user       = aws_iam_user.alice.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_policy_attachment" "shared" {
  name       = "shared"
  users      = [aws_iam_user.alice.name]
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
`);
    const attachments = resources(model, 'aws.iam.policyAttachments');
    expect(attachments.map((a) => [a.address, attr(a, 'principalType').value])).toEqual([
      ['aws_iam_user_policy_attachment.alice', 'user'],
      ['aws_iam_policy_attachment.shared', 'managed'],
    ]);
    expect(attr(attachments[1]!, 'users').value).toHaveLength(1);
  });

  it('reads the ECS service public IP switch in both spellings', async () => {
    const cfn = cfnModel(`Resources:
  On:
    Type: AWS::ECS::Service
    Properties:
      NetworkConfiguration:
        AwsvpcConfiguration:
          AssignPublicIp: ENABLED
  Off:
    Type: AWS::ECS::Service
    Properties:
      NetworkConfiguration:
        AwsvpcConfiguration:
          AssignPublicIp: DISABLED
`);
    expect(resources(cfn, 'aws.ecs.services').map((s) => attr(s, 'assignPublicIp').value)).toEqual([
      true,
      false,
    ]);
    const terraform = await terraformModel(`
resource "aws_ecs_service" "api" {
  name = "api"
  network_configuration {
    subnets          = ["subnet-1"]
    assign_public_ip = true
  }
}
`);
    expect(attr(only(terraform, 'aws.ecs.services'), 'assignPublicIp').value).toBe(true);
  });
});

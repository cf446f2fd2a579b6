// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Fn::Sub placeholders are CloudFormation syntax, not JavaScript.
import { describe, expect, it } from 'vitest';
import { declare, plainAt, resource } from './helpers.js';

const HEADER = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Env:
    Type: String
    Default: prod
  Unset:
    Type: String
  OnlyChoice:
    Type: String
    AllowedValues: [gp3]
  Subnets:
    Type: CommaDelimitedList
    Default: subnet-a, subnet-b
  AmiParam:
    Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>
    Default: /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64
  Versioned:
    Type: String
    Default: 'true'
Mappings:
  RegionMap:
    prod:
      Size: large
      Tier: '3'
    dev:
      Size: small
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Equals [!Ref Env, dev]
  ProdOrDev: !Or [!Condition IsProd, !Condition IsDev]
  NotProd: !Not [!Condition IsProd]
  Both: !And [!Condition IsProd, {Condition: NotProd}]
  Unknowable: !Equals [!Ref Unset, x]
  VersioningOn: !Equals [!Ref Versioned, 'true']
  Loop1: !Not [!Condition Loop2]
  Loop2: !Not [!Condition Loop1]
Resources:
  Logs:
    Type: AWS::S3::Bucket
`;

/** Evaluates YAML property values of a probe resource; returns the plain value of each. */
function probe(properties: string): (path: string) => unknown {
  const text = `${HEADER}  Probe:\n    Type: AWS::Test::Probe\n    Properties:\n${properties
    .split('\n')
    .map((line) => `      ${line}`)
    .join('\n')}\n`;
  const declared = resource(declare(text), 'Probe');
  return (path) => plainAt(declared, path);
}

describe('CloudFormation intrinsic functions (short forms)', () => {
  it('resolves Ref to parameter defaults, single allowed values, lists and resources', () => {
    const value = probe(
      [
        'A: !Ref Env',
        'B: !Ref Unset',
        'C: !Ref OnlyChoice',
        'D: !Ref Subnets',
        'E: !Ref Logs',
        'F: !Ref AWS::Region',
        'G: !Ref AmiParam',
        'H: !Ref Nowhere',
      ].join('\n'),
    );
    expect(value('A')).toBe('prod');
    expect(value('B')).toEqual({ unknown: [] });
    expect(value('C')).toBe('gp3');
    expect(value('D')).toEqual(['subnet-a', 'subnet-b']);
    expect(value('E')).toEqual({ unknown: ['Logs'] });
    expect(value('F')).toEqual({ unknown: [] });
    expect(value('G')).toEqual({ unknown: [] });
    expect(value('H')).toEqual({ unknown: [] });
  });

  it('resolves GetAtt in both forms to unknown values that refer to the resource', () => {
    const value = probe(
      ['A: !GetAtt Logs.Arn', 'B: !GetAtt [Logs, DomainName]', 'C: !GetAtt Missing.Arn'].join('\n'),
    );
    expect(value('A')).toEqual({ unknown: ['Logs'] });
    expect(value('B')).toEqual({ unknown: ['Logs'] });
    expect(value('C')).toEqual({ unknown: [] });
  });

  it('substitutes Fn::Sub variables, pseudo parameters, attributes and literals', () => {
    const value = probe(
      [
        "A: !Sub 'app-${Env}-logs'",
        "B: !Sub 'arn:aws:s3:::${Logs}/*'",
        "C: !Sub '${Logs.Arn}/x'",
        "D: !Sub '${AWS::Region}-x'",
        "E: !Sub 'keep ${!Literal} and ${Env}'",
        "F: !Sub ['${Name}-${Env}', { Name: !Select [1, !Ref Subnets] }]",
        "G: !Sub ['${Name}', { Name: !GetAtt Logs.Arn }]",
      ].join('\n'),
    );
    expect(value('A')).toBe('app-prod-logs');
    expect(value('B')).toEqual({ unknown: ['Logs'] });
    expect(value('C')).toEqual({ unknown: ['Logs'] });
    expect(value('D')).toEqual({ unknown: [] });
    expect(value('E')).toBe('keep ${Literal} and prod');
    expect(value('F')).toBe('subnet-b-prod');
    expect(value('G')).toEqual({ unknown: ['Logs'] });
  });

  it('joins, selects, splits and encodes', () => {
    const value = probe(
      [
        "A: !Join ['-', [a, !Ref Env, 'c']]",
        "B: !Join ['', [a, !Ref Logs]]",
        "C: !Select [0, !Split [',', 'x,y,z']]",
        'D: !Select [1, [!Ref Logs, known]]',
        'E: !Select [5, [a]]',
        "F: !Split ['/', !Ref Unset]",
        "G: !Base64 'hello'",
        'H: !Base64 { "Fn::Sub": "${Logs}" }',
        'I: !GetAZs ""',
        'J: !ImportValue shared-vpc',
        "K: !Cidr ['10.0.0.0/16', 4, 8]",
        'L: !Join [",", !Ref Subnets]',
      ].join('\n'),
    );
    expect(value('A')).toBe('a-prod-c');
    expect(value('B')).toEqual({ unknown: ['Logs'] });
    expect(value('C')).toBe('x');
    expect(value('D')).toBe('known');
    expect(value('E')).toEqual({ unknown: [] });
    expect(value('F')).toEqual({ unknown: [] });
    expect(value('G')).toBe('aGVsbG8=');
    expect(value('H')).toEqual({ unknown: ['Logs'] });
    expect(value('I')).toEqual({ unknown: [] });
    expect(value('J')).toEqual({ unknown: [] });
    expect(value('K')).toEqual({ unknown: [] });
    expect(value('L')).toBe('subnet-a,subnet-b');
  });

  it('looks values up in Mappings, with a DefaultValue when the key is missing', () => {
    const value = probe(
      [
        'A: !FindInMap [RegionMap, !Ref Env, Size]',
        'B: !FindInMap [RegionMap, dev, Tier]',
        'C: !FindInMap [RegionMap, dev, Tier, { DefaultValue: "1" }]',
        'D: !FindInMap [RegionMap, !Ref AWS::Region, Size]',
        'E: !FindInMap [RegionMap, !Ref AWS::Region, Size, { DefaultValue: small }]',
        'F: !FindInMap [__proto__, constructor, toString]',
      ].join('\n'),
    );
    expect(value('A')).toBe('large');
    expect(value('B')).toEqual({ unknown: [] });
    expect(value('C')).toBe('1');
    expect(value('D')).toEqual({ unknown: [] });
    // The key is unknown: the default may not be what is deployed.
    expect(value('E')).toEqual({ unknown: [] });
    expect(value('F')).toEqual({ unknown: [] });
  });

  it('evaluates conditions in Fn::If and removes AWS::NoValue', () => {
    const value = probe(
      [
        'A: !If [IsProd, Enabled, Suspended]',
        'B: !If [NotProd, Enabled, Suspended]',
        'C: !If [Unknowable, !Ref Logs, other]',
        'D: !If [IsProd, !Ref AWS::NoValue, kept]',
        'E: [a, !If [IsDev, b, !Ref AWS::NoValue], c]',
        'F: !If [ProdOrDev, yes, no]',
        'G: !If [Both, yes, no]',
        'H: !If [Loop1, yes, no]',
        'I: !If [Missing, yes, no]',
        'J: !If [VersioningOn, on, off]',
        'K: !Equals [a, a]',
      ].join('\n'),
    );
    expect(value('A')).toBe('Enabled');
    expect(value('B')).toBe('Suspended');
    expect(value('C')).toEqual({ unknown: ['Logs'] });
    expect(value('D')).toBeUndefined();
    expect(value('E')).toEqual(['a', 'c']);
    expect(value('F')).toBe('yes');
    expect(value('G')).toBe('no');
    expect(value('H')).toEqual({ unknown: [] });
    expect(value('I')).toEqual({ unknown: [] });
    expect(value('J')).toBe('on');
    expect(value('K')).toBe(true);
  });

  it('keeps what both branches of an unknowable Fn::If agree on', () => {
    const value = probe(
      [
        'A: !If [Unknowable, Enabled, Enabled]',
        'B: !If [Unknowable, { Status: Enabled, Only: 1 }, { Status: Enabled, Other: !Ref Logs }]',
        'C: !If [Unknowable, { Status: Enabled }, !Ref AWS::NoValue]',
        'D: !If [Unknowable, !Ref AWS::NoValue, !Ref AWS::NoValue]',
        'E: !If [Unknowable, { Nested: { X: 1, Y: 2 } }, { Nested: { X: 1, Y: 3 } }]',
      ].join('\n'),
    );
    expect(value('A')).toBe('Enabled');
    expect(value('B.Status')).toBe('Enabled');
    expect(value('B.Only')).toEqual({ unknown: [] });
    expect(value('B.Other')).toEqual({ unknown: ['Logs'] });
    expect(value('B.Absent')).toBeUndefined();
    expect(value('C')).toEqual({ unknown: [] });
    expect(value('D')).toBeUndefined();
    expect(value('E.Nested.X')).toBe(1);
    expect(value('E.Nested.Y')).toEqual({ unknown: [] });
  });

  it('leaves other functions and unknown tags unknown', () => {
    const value = probe(
      ['A: !Transform { Name: AWS::Include }', 'B: !Whatever x', 'C: !Length [a, b]'].join('\n'),
    );
    expect(value('A')).toEqual({ unknown: [] });
    expect(value('B')).toEqual({ unknown: [] });
    expect(value('C')).toBe(2);
  });
});

describe('CloudFormation intrinsic functions (JSON long forms)', () => {
  it('evaluates the same functions written as Fn:: objects', () => {
    const template = {
      AWSTemplateFormatVersion: '2010-09-09',
      Parameters: { Env: { Type: 'String', Default: 'prod' } },
      Conditions: {
        IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] },
        Not: { 'Fn::Not': [{ Condition: 'IsProd' }] },
      },
      Mappings: { Sizes: { prod: { Size: 'large' } } },
      Resources: {
        Logs: { Type: 'AWS::S3::Bucket' },
        Probe: {
          Type: 'AWS::Test::Probe',
          Properties: {
            A: { Ref: 'Env' },
            B: { 'Fn::GetAtt': ['Logs', 'Arn'] },
            C: { 'Fn::Sub': 'x-${Env}' },
            D: { 'Fn::Join': ['/', ['a', { Ref: 'Env' }]] },
            E: { 'Fn::If': ['Not', 'yes', { Ref: 'AWS::NoValue' }] },
            F: { 'Fn::FindInMap': ['Sizes', { Ref: 'Env' }, 'Size'] },
            G: { 'Fn::Select': ['1', { 'Fn::Split': [',', 'a,b'] }] },
            Statement: { Effect: 'Allow', Condition: { Bool: { 'aws:SecureTransport': 'true' } } },
            OnlyCondition: { Condition: 'IsProd' },
          },
        },
      },
    };
    const declared = resource(declare(JSON.stringify(template, null, 2), 'template.json'), 'Probe');
    expect(plainAt(declared, 'A')).toBe('prod');
    expect(plainAt(declared, 'B')).toEqual({ unknown: ['Logs'] });
    expect(plainAt(declared, 'C')).toBe('x-prod');
    expect(plainAt(declared, 'D')).toBe('a/prod');
    expect(plainAt(declared, 'E')).toBeUndefined();
    expect(plainAt(declared, 'F')).toBe('large');
    expect(plainAt(declared, 'G')).toBe('b');
    // A `Condition` key in properties is data, not a condition reference.
    expect(plainAt(declared, 'Statement.Condition')).toEqual({ Bool: { 'aws:SecureTransport': 'true' } });
    expect(plainAt(declared, 'OnlyCondition')).toEqual({ Condition: 'IsProd' });
  });
});

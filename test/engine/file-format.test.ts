import { describe, expect, it } from 'vitest';
import { detectFormat, type FileFormat } from '../../scanners/engine/file-format.js';
import { bucketTemplate, deployment } from './sources.js';

const CFN_JSON_WITH_VERSION = '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {}\n}\n';
const CFN_JSON_BY_TYPE = '{\n  "Resources": {\n    "Logs": { "Type": "AWS::S3::Bucket" }\n  }\n}\n';
const CFN_YAML_BY_TYPE = 'Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n';
const SAM_YAML =
  'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n';
const ARM = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": []
}
`;
const TERRAFORM_PLAN = '{"format_version":"1.2","terraform_version":"1.9.5","planned_values":{}}';
const K8S_JSON = '{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": { "name": "x" }\n}\n';

describe('detectFormat', () => {
  it.each<[string, string, string, FileFormat]>([
    [
      'CloudFormation YAML by AWSTemplateFormatVersion',
      'stack.yaml',
      bucketTemplate({ Logs: {} }),
      'cloudformation',
    ],
    [
      'CloudFormation JSON by AWSTemplateFormatVersion',
      'stack.json',
      CFN_JSON_WITH_VERSION,
      'cloudformation',
    ],
    [
      'CloudFormation YAML by an AWS:: type under Resources',
      'infra/stack.yml',
      CFN_YAML_BY_TYPE,
      'cloudformation',
    ],
    [
      'CloudFormation JSON by an AWS:: type under Resources',
      'stack.json',
      CFN_JSON_BY_TYPE,
      'cloudformation',
    ],
    ['SAM template', 'template.yaml', SAM_YAML, 'cloudformation'],
    ['CloudFormation in a .template file', 'stack.template', CFN_JSON_WITH_VERSION, 'cloudformation'],
    [
      'Kubernetes YAML by apiVersion and kind',
      'k8s/web.yaml',
      deployment('web', [{ name: 'app' }]),
      'kubernetes',
    ],
    ['Kubernetes JSON by apiVersion and kind', 'k8s/pod.json', K8S_JSON, 'kubernetes'],
    ['ARM by its deploymentTemplate $schema', 'azuredeploy.json', ARM, 'arm'],
    ['Terraform plan JSON', 'plan.json', TERRAFORM_PLAN, 'terraform-plan'],
    ['Terraform', 'main.tf', 'resource "aws_s3_bucket" "b" {}\n', 'terraform'],
    ['Terraform JSON', 'main.tf.json', '{"resource": {}}', 'terraform'],
    ['Terraform variables', 'prod.tfvars', 'region = "eu-west-1"\n', 'terraform-vars'],
    ['Bicep', 'main.bicep', "param location string = 'westeurope'\n", 'bicep'],
  ])('%s', (_what, file, text, expected) => {
    expect(detectFormat(file, text)).toBe(expected);
  });

  it('needs apiVersion and kind together for Kubernetes', () => {
    expect(detectFormat('Chart.yaml', 'apiVersion: v2\nname: chart\nversion: 1.0.0\n')).toBe('yaml');
    expect(detectFormat('x.yaml', 'kind: Pod\nname: x\n')).toBe('yaml');
  });

  it('needs both Resources and an AWS:: type for CloudFormation without a version key', () => {
    expect(detectFormat('x.yaml', 'Type: AWS::S3::Bucket\n')).toBe('yaml');
    expect(detectFormat('x.yaml', 'Resources:\n  Logs:\n    Type: Custom::Thing\n')).toBe('yaml');
  });

  it('only calls JSON with a deploymentTemplate $schema an ARM template', () => {
    const other = '{ "$schema": "https://json-schema.org/draft-07/schema#", "type": "object" }';
    expect(detectFormat('schema.json', other)).toBe('json');
  });

  it.each([
    'Dockerfile',
    'dockerfile',
    'Containerfile',
    'Dockerfile.prod',
    'dockerfile.dev',
    'api.Dockerfile',
    'build/worker.dockerfile',
    'app.containerfile',
  ])('recognises the Dockerfile name %s whatever its content', (file) => {
    expect(detectFormat(file, 'this is not a dockerfile at all\n')).toBe('dockerfile');
  });

  it('recognises a Dockerfile by its content in a file without an extension', () => {
    expect(
      detectFormat('images/builder', '# syntax=docker/dockerfile:1\n\nFROM node:20 AS build\nRUN npm ci\n'),
    ).toBe('dockerfile');
    expect(detectFormat('images/base', `ARG VERSION=20\nFROM node:\${VERSION}\n`)).toBe('dockerfile');
  });

  it('does not take other extension-less files, or FROM in a file with an extension, for Dockerfiles', () => {
    expect(detectFormat('Makefile', 'build:\n\tdocker build .\n')).toBe('text');
    expect(detectFormat('images/notes', 'RUN apt-get update\nFROM node\n')).toBe('text');
    expect(detectFormat('notes.txt', 'FROM node:20\n')).toBe('text');
  });

  it.each<[string, FileFormat]>([
    ['.github/workflows/ci.yml', 'github-workflow'],
    ['.github/workflows/release.yaml', 'github-workflow'],
    ['services/api/.github/workflows/ci.yml', 'github-workflow'],
    ['action.yml', 'github-action'],
    ['actions/setup/action.yaml', 'github-action'],
    ['.gitlab-ci.yml', 'gitlab-ci'],
    ['azure-pipelines.yml', 'azure-pipelines'],
    ['azure-pipelines-release.yaml', 'azure-pipelines'],
    ['ci/azure-pipelines.pr.yml', 'azure-pipelines'],
  ])('recognises the pipeline file %s by its path', (file, expected) => {
    expect(detectFormat(file, 'on: push\njobs: {}\n')).toBe(expected);
  });

  it('takes pipeline paths over content, and content over plain YAML elsewhere', () => {
    const manifest = deployment('web', [{ name: 'app' }]);
    expect(detectFormat('.github/workflows/deploy.yml', manifest)).toBe('github-workflow');
    expect(detectFormat('docs/workflows/ci.yml', 'on: push\n')).toBe('yaml');
    expect(detectFormat('.github/workflows/README.md', 'on: push\n')).toBe('text');
  });

  it('falls back to plain yaml, json or text', () => {
    expect(detectFormat('docker-compose.yml', 'services:\n  web:\n    image: nginx\n')).toBe('yaml');
    expect(detectFormat('package.json', '{ "name": "x" }')).toBe('json');
    expect(detectFormat('README.md', '# Title\napiVersion: v1\nkind: Pod\n')).toBe('text');
    expect(detectFormat('.env', 'AWS_REGION=eu-west-1\n')).toBe('text');
    expect(detectFormat('app.py', 'import os\n')).toBe('text');
  });

  it('decides from the first 16 KiB only', () => {
    const padding = `# ${'x'.repeat(80)}\n`.repeat(300);
    expect(detectFormat('late.yaml', `${padding}apiVersion: v1\nkind: Pod\n`)).toBe('yaml');
    expect(detectFormat('early.yaml', `apiVersion: v1\nkind: Pod\n${padding}`)).toBe('kubernetes');
  });
});

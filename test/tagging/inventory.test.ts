import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import type { IacResourceRecord } from '../../scanners/core/types.js';
import { scan } from '../../scanners/engine/scan.js';
import { renderJson } from '../../scanners/reporters/json.js';
import { errorsText, palisadeReportValidator } from '../helpers/schemas.js';
import { makeTempDir, removeTempDirs, writeTempFiles } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const AWS_KEY = 'AKIAQYLPMN5HHHFPZAM2';

const PROJECT = {
  'infra/main.tf': `locals {
  tags = { team = "shop", cost_center = 42 }
}

resource "aws_s3_bucket" "logs" {
  bucket = "shop-logs"
  tags = merge(local.tags, {
    palisade_trace = "1c0ffee0-0000-4000-8000-000000000001"
    deployed_by    = "${AWS_KEY}"
  })
}

resource "aws_s3_bucket_public_access_block" "logs" {
  bucket = aws_s3_bucket.logs.id
}

module "site" {
  source = "./modules/site"
  names  = ["a", "b"]
}
`,
  'infra/modules/site/main.tf': `variable "names" { type = list(string) }

resource "aws_s3_bucket" "site" {
  for_each = toset(var.names)
  bucket   = "shop-site-\${each.key}"
  tags     = { yor_trace = "y-\${each.key}" }
}

resource "aws_cloudfront_distribution" "cdn" {
  origin {
    domain_name = aws_s3_bucket.site["a"].bucket_regional_domain_name
    origin_id   = "site"
  }
  enabled = true
}
`,
  'cfn/stack.yaml': `Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: jobs
      Tags:
        - Key: mapping_tag
          Value: m-7
        - Key: __proto__
          Value: polluted
  QueuePolicy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Queue]
      PolicyDocument: {}
`,
  'arm/azuredeploy.json': `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2023-01-01",
      "name": "shopstore",
      "location": "westeurope",
      "tags": { "palisade_trace": "a7e1d2c3-0000-4000-8000-000000000009", "owner": "team-web" }
    }
  ]
}
`,
  'k8s/pod.yaml':
    'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: { containers: [{ name: c, image: busybox }] }\n',
};

describe('scan: IaC resource inventory', () => {
  it('records every declared resource with its address, module path, place, tags and references', async () => {
    const root = makeTempDir(PROJECT);
    const result = await scan({ root, jobs: 1 });
    const byAddress = new Map((result.resources ?? []).map((r) => [r.address, r]));
    expect([...byAddress.keys()]).toEqual([
      'Microsoft.Storage/storageAccounts/shopstore',
      'Resources.Queue',
      'Resources.QueuePolicy',
      'aws_s3_bucket.logs',
      'aws_s3_bucket_public_access_block.logs',
      'module.site.aws_s3_bucket.site["a"]',
      'module.site.aws_s3_bucket.site["b"]',
      'module.site.aws_cloudfront_distribution.cdn',
    ]);
    expect(byAddress.get('aws_s3_bucket.logs')).toEqual<IacResourceRecord>({
      family: 'terraform',
      type: 'aws_s3_bucket',
      kind: 'aws.s3.bucket',
      address: 'aws_s3_bucket.logs',
      name: 'shop-logs',
      file: 'infra/main.tf',
      line: 5,
      traceTag: '1c0ffee0-0000-4000-8000-000000000001',
      // The access key in a tag is a secret: left out. Numbers are tags as Terraform writes them.
      tags: { cost_center: '42', palisade_trace: '1c0ffee0-0000-4000-8000-000000000001', team: 'shop' },
      references: [],
    });
    expect(byAddress.get('aws_s3_bucket_public_access_block.logs')?.references).toEqual([
      'aws_s3_bucket.logs',
    ]);
    expect(byAddress.get('module.site.aws_s3_bucket.site["b"]')).toMatchObject({
      modulePath: 'module.site',
      file: 'infra/modules/site/main.tf',
      line: 3,
      name: 'shop-site-b',
      traceTag: 'y-b',
    });
    expect(byAddress.get('module.site.aws_cloudfront_distribution.cdn')?.references).toEqual([
      'module.site.aws_s3_bucket.site["a"]',
      'module.site.aws_s3_bucket.site["b"]',
    ]);
    const queue = byAddress.get('Resources.Queue');
    expect(queue).toMatchObject({ kind: 'aws.sqs.queue', name: 'jobs', traceTag: 'm-7', line: 2 });
    expect(Object.getPrototypeOf(queue?.tags)).toBe(Object.prototype);
    expect(Object.entries(queue?.tags ?? {})).toEqual([
      ['__proto__', 'polluted'],
      ['mapping_tag', 'm-7'],
    ]);
    expect(byAddress.get('Resources.QueuePolicy')?.references).toEqual(['Resources.Queue']);
    expect(byAddress.get('Microsoft.Storage/storageAccounts/shopstore')).toMatchObject({
      family: 'arm',
      kind: 'azure.storage.account',
      name: 'shopstore',
      traceTag: 'a7e1d2c3-0000-4000-8000-000000000009',
      tags: { owner: 'team-web', palisade_trace: 'a7e1d2c3-0000-4000-8000-000000000009' },
    });
    expect(JSON.stringify(result.resources)).not.toContain(AWS_KEY);

    // The same inventory from worker threads, and in the JSON report, valid against the schema.
    const parallel = await scan({ root, jobs: 2 });
    expect(parallel.resources).toEqual(result.resources);
    const report = JSON.parse(renderJson(result));
    const validate = palisadeReportValidator();
    expect(validate(report), errorsText(validate.errors)).toBe(true);
    expect(report.resources).toEqual(JSON.parse(JSON.stringify(result.resources)));
    expect(renderJson(result)).not.toContain(AWS_KEY);
  });

  it('is absent when no IaC file is read, and in diff scans', async () => {
    const root = makeTempDir({ 'k8s/pod.yaml': PROJECT['k8s/pod.yaml'] });
    expect((await scan({ root, jobs: 1 })).resources).toBeUndefined();

    const repo = makeTempDir(PROJECT);
    const git = (...args: string[]) => execFileSync('git', ['-C', repo, ...args], { stdio: 'pipe' });
    git('init', '-q', '-b', 'main');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', '.');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'init');
    writeTempFiles(repo, { 'cfn/stack.yaml': `${PROJECT['cfn/stack.yaml']}# changed\n` });
    const diffScan = await scan({ root: repo, jobs: 1, diffBase: 'HEAD' });
    expect(diffScan.diff).toBeDefined();
    expect(diffScan.resources).toBeUndefined();
  });
});

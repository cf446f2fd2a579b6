import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../scanners/engine/scan.js';
import { runCli, tempProject } from './helpers.js';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/;

const FILES = {
  'infra/main.tf': `# Storage for the shop
resource "aws_s3_bucket" "logs" {
  bucket = "shop-logs" # access logs
  tags = {
    team = "shop"
  }
}

module "site" {
  source = "./modules/site"
}
`,
  'infra/modules/site/main.tf': `resource "aws_s3_bucket" "site" {
  bucket = "shop-site"
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = "{}"
}
`,
  'cfn/queue.yaml': `Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Sub "\${AWS::StackName}-jobs"
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
      "tags": { "yor_trace": "5e0f7a3c-0d0a-4b8e-9c52-6b1f0e6f9d11" }
    }
  ]
}
`,
};

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    Object.keys(FILES).map((file) => [file, readFileSync(path.join(dir, file), 'utf8')]),
  );
}

describe('palisade tag', () => {
  it('--check lists untagged resources with file:line and exits 1; changes nothing', async () => {
    const project = tempProject(FILES);
    const run = await runCli(['tag', '--check'], project.dir);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toBe(
      'cfn/queue.yaml:2 Resources.Queue\n' +
        'infra/main.tf:2 aws_s3_bucket.logs\n' +
        'infra/modules/site/main.tf:1 aws_s3_bucket.site\n' +
        '3 of 4 taggable resources lack a trace tag; run palisade tag to add them\n',
    );
    expect(snapshot(project.dir)).toEqual(FILES);
    project.remove();
  });

  it('--dry-run prints a unified diff and changes nothing', async () => {
    const project = tempProject(FILES);
    const run = await runCli(['tag', '--dry-run', '.'], project.dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('--- a/infra/main.tf\n+++ b/infra/main.tf\n@@ -3,6 +3,7 @@\n');
    expect(run.stdout).toMatch(
      new RegExp(`     team = "shop"\\n\\+    palisade_trace = "${UUID.source}"\\n   }\\n`),
    );
    expect(run.stderr).toContain('would tag 3 of 4 taggable resources in 3 files');
    expect(snapshot(project.dir)).toEqual(FILES);
    // git reads the diff as a patch, and applying it leaves nothing untagged.
    writeFileSync(path.join(project.dir, 'tags.diff'), run.stdout);
    execFileSync('git', ['apply', 'tags.diff'], { cwd: project.dir });
    expect((await runCli(['tag', '--check'], project.dir)).code).toBe(0);
    project.remove();
  });

  it('tags every untagged resource once, then --check passes and a second run changes nothing', async () => {
    const project = tempProject(FILES);
    const first = await runCli(['tag'], project.dir);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe('tagged 3 of 4 taggable resources in 3 files\n');
    const tagged = snapshot(project.dir);
    const ids = Object.values(tagged).join('\n').match(new RegExp(UUID.source, 'g')) ?? [];
    // Three new ids plus the ARM resource's yor_trace, all different.
    expect(new Set(ids).size).toBe(4);
    expect(tagged['arm/azuredeploy.json']).toBe(FILES['arm/azuredeploy.json']);
    expect(tagged['infra/main.tf']).toMatch(
      /^# Storage for the shop\n.*bucket = "shop-logs" # access logs\n/s,
    );

    const check = await runCli(['tag', '--check'], project.dir);
    expect(check.code).toBe(0);
    expect(check.stdout).toBe('all 4 taggable resources have a trace tag\n');
    const second = await runCli(['tag'], project.dir);
    expect(second.stdout).toBe('tagged 0 of 4 taggable resources in 0 files\n');
    expect(snapshot(project.dir)).toEqual(tagged);

    // The scan still reads every file and records the trace tags in its inventory.
    const result = await scan({ root: project.dir, jobs: 1 });
    expect(result.errors.filter((e) => e.level === 'error')).toEqual([]);
    const traced = Object.fromEntries((result.resources ?? []).map((r) => [r.address, r.traceTag]));
    expect(traced).toEqual({
      'Microsoft.Storage/storageAccounts/shopstore': '5e0f7a3c-0d0a-4b8e-9c52-6b1f0e6f9d11',
      'Resources.Queue': expect.stringMatching(UUID),
      'aws_s3_bucket.logs': expect.stringMatching(UUID),
      'module.site.aws_s3_bucket.site': expect.stringMatching(UUID),
      'module.site.aws_s3_bucket_policy.site': undefined,
    });
    for (const id of ids) expect(Object.values(traced)).toContain(id);
    project.remove();
  });

  it('reports a file that does not parse and tags the others; never follows a link out of the tree', async () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'palisade-outside-'));
    writeFileSync(path.join(outside, 'main.tf'), 'resource "aws_s3_bucket" "x" {\n  bucket = "x"\n}\n');
    const project = tempProject({
      'broken/main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = \n',
      'ok/main.tf': 'resource "aws_sqs_queue" "q" {\n  name = "q"\n}\n',
    });
    mkdirSync(path.join(project.dir, 'linked'));
    symlinkSync(path.join(outside, 'main.tf'), path.join(project.dir, 'linked', 'main.tf'));
    const run = await runCli(['tag'], project.dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/palisade: broken\/main\.tf:\d+: invalid HCL/);
    expect(run.stderr).toContain('palisade: linked/main.tf: symbolic link points outside the scanned folder');
    expect(run.stdout).toBe('tagged 1 of 1 taggable resources in 1 file\n');
    expect(readFileSync(path.join(project.dir, 'ok/main.tf'), 'utf8')).toMatch(UUID);
    expect(readFileSync(path.join(outside, 'main.tf'), 'utf8')).not.toMatch(UUID);
    // --check cannot vouch for a file it could not read: it fails.
    const check = await runCli(['tag', '--check'], project.dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toBe('all 1 taggable resources have a trace tag\n1 file could not be checked\n');
    rmSync(outside, { recursive: true, force: true });
    project.remove();
  });

  it('rejects --check with --dry-run, and a folder that does not exist', async () => {
    const project = tempProject({});
    expect((await runCli(['tag', '--check', '--dry-run'], project.dir)).code).toBe(2);
    expect((await runCli(['tag', 'missing'], project.dir)).code).toBe(2);
    project.remove();
  });
});

import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { terraformModuleCalls, withModuleCallers } from '../../scanners/terraform/calls.js';
import { runCli, tempProject } from '../cli/helpers.js';
import { makeTempDir, removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const MAIN = `variable "status" {
  default = "Enabled"
}
resource "aws_s3_bucket" "b" {
  bucket = "b"
}
resource "aws_s3_bucket_versioning" "b" {
  bucket = aws_s3_bucket.b.id
  versioning_configuration {
    status = var.status
  }
}
`;

describe('palisade scan --var-file', () => {
  it('applies the files in order, later ones winning', async () => {
    const project = tempProject({
      'infra/main.tf': MAIN,
      'vars/suspend.tfvars': 'status = "Suspended"\n',
      'vars/enable.tfvars.json': '{ "status": "Enabled" }',
    });
    try {
      const args = ['scan', 'infra', '--format', 'json', '--fail-on', 'none', '--no-baseline'];
      const plain = JSON.parse((await runCli(args, project.dir)).stdout);
      const suspended = JSON.parse(
        (await runCli([...args, '--var-file', 'vars/suspend.tfvars'], project.dir)).stdout,
      );
      const both = await runCli(
        [...args, '--var-file', 'vars/suspend.tfvars', '--var-file', 'vars/enable.tfvars.json'],
        project.dir,
      );
      const ids = (result: { findings: Array<{ ruleId: string; location: { startLine: number } }> }) =>
        result.findings.filter((f) => f.ruleId === 'PAL-AWS-S3-001').map((f) => f.location.startLine);
      expect(ids(plain)).toEqual([]);
      expect(ids(suspended)).toEqual([10]);
      expect(ids(JSON.parse(both.stdout))).toEqual([]);
    } finally {
      project.remove();
    }
  });

  it('exits 2 when a var file cannot be read', async () => {
    const project = tempProject({ 'main.tf': MAIN });
    try {
      const result = await runCli(['scan', '--var-file', 'missing.tfvars'], project.dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('missing.tfvars');
    } finally {
      project.remove();
    }
  });
});

describe('module calls between folders', () => {
  it('finds which folders are called as local modules, and by whom', () => {
    const root = makeTempDir({
      'live/prod/main.tf':
        'module "net" {\n  source = "../../modules/net"\n}\nmodule "r" {\n  source = "git::https://example.com/r.git"\n}\n',
      'live/dev/main.tf.json': '{ "module": { "net": { "source": "../../modules/net/" } } }',
      'modules/net/main.tf': 'module "sub" {\n  source = "./sub"\n}\n',
      'modules/net/sub/main.tf': 'resource "a" "b" {}\n',
      'lambda/main.tf': 'resource "aws_s3_object" "o" {\n  source = "./build.zip"\n}\n',
    });
    const entry = (file: string) => ({ path: file, absolute: path.join(root, file), size: 1 });
    const units = [
      [entry('live/prod/main.tf')],
      [entry('live/dev/main.tf.json')],
      [entry('modules/net/main.tf')],
      [entry('modules/net/sub/main.tf')],
      [entry('lambda/main.tf')],
    ];
    const calls = terraformModuleCalls(units);
    expect([...calls].map(([callee, callers]) => [callee, [...callers].sort()])).toEqual([
      ['modules/net', ['live/dev', 'live/prod']],
      ['modules/net/sub', ['modules/net']],
    ]);
    expect([...withModuleCallers(new Set(['tf:modules/net/sub', 'file:x.yaml']), calls)].sort()).toEqual([
      'file:x.yaml',
      'tf:live/dev',
      'tf:live/prod',
      'tf:modules/net',
      'tf:modules/net/sub',
    ]);
  });
});

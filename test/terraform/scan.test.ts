// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${...} is Terraform interpolation, not JavaScript.
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import versioning from '../../rules/aws/s3/bucket-versioning/rule.js';
import { defaultConfig } from '../../scanners/config/config.js';
import type { ScanResult } from '../../scanners/core/types.js';
import { scan } from '../../scanners/engine/scan.js';
import { makeTempDir, removeTempDirs, type TempFiles } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const RULE = 'PAL-AWS-S3-001';

async function scanFiles(files: TempFiles, extra: Parameters<typeof scan>[0] = {}): Promise<ScanResult> {
  const root = makeTempDir(files);
  return scan({ root, rules: [versioning], config: defaultConfig(), baseline: false, jobs: 1, ...extra });
}

function hits(result: ScanResult): string[] {
  return result.findings
    .filter((f) => f.ruleId === RULE && !f.suppression)
    .map(
      (f) =>
        `${f.location.file}:${f.location.startLine} ${f.resource}${f.modulePath ? ` (${f.modulePath})` : ''}`,
    )
    .sort();
}

const BUCKET_MODULE = `variable "name" {
  type = string
}

variable "versioned" {
  type    = bool
  default = false
}

resource "aws_s3_bucket" "this" {
  bucket = var.name
}

resource "aws_s3_bucket_versioning" "this" {
  count  = var.versioned ? 1 : 0
  bucket = aws_s3_bucket.this.id
  versioning_configuration {
    status = "Enabled"
  }
}

output "id" {
  value = aws_s3_bucket.this.id
}

output "name" {
  value = var.name
}
`;

describe('references between resources', () => {
  it('attaches versioning by reference and by literal name to the right bucket', async () => {
    const result = await scanFiles({
      'infra/main.tf': `resource "aws_s3_bucket" "a" {
  bucket = "bucket-a"
}
resource "aws_s3_bucket" "b" {
  bucket = "bucket-b"
}
resource "aws_s3_bucket" "c" {
  bucket = "bucket-c"
}
resource "aws_s3_bucket_versioning" "a" {
  bucket = aws_s3_bucket.a.id
  versioning_configuration {
    status = "Enabled"
  }
}
resource "aws_s3_bucket_versioning" "b" {
  bucket = "bucket-b"
  versioning_configuration {
    status = "Enabled"
  }
}
`,
    });
    expect(result.errors).toEqual([]);
    expect(hits(result)).toEqual(['infra/main.tf:7 aws_s3_bucket.c']);
  });
});

describe('local modules', () => {
  it('evaluates a called module with its arguments and reports in the module file with the module path', async () => {
    const result = await scanFiles({
      'live/main.tf': `module "uploads" {
  source = "../modules/bucket"
  name   = "acme-uploads"
}

module "archive" {
  source    = "../modules/bucket"
  name      = "acme-archive"
  versioned = true
}
`,
      'modules/bucket/main.tf': BUCKET_MODULE,
    });
    expect(result.errors).toEqual([]);
    // The module folder is evaluated through its caller only, not a second time on its own.
    expect(hits(result)).toEqual([
      'modules/bucket/main.tf:10 module.uploads.aws_s3_bucket.this (module.uploads)',
    ]);
    const finding = result.findings.find((f) => f.ruleId === RULE);
    expect(finding?.snippet).toContain('resource "aws_s3_bucket" "this"');
  });

  it('expands count and for_each on modules and follows nested modules', async () => {
    const result = await scanFiles({
      'main.tf': `module "team" {
  for_each = toset(["data", "ml"])
  source   = "./modules/team"
  name     = each.key
}
`,
      'modules/team/main.tf': `variable "name" {}
module "store" {
  count  = 2
  source = "../bucket"
  name   = "\${var.name}-\${count.index}"
}
`,
      'modules/bucket/main.tf': BUCKET_MODULE,
    });
    expect(result.errors).toEqual([]);
    expect(hits(result)).toEqual([
      'modules/bucket/main.tf:10 module.team["data"].module.store[0].aws_s3_bucket.this (module.team["data"].module.store[0])',
      'modules/bucket/main.tf:10 module.team["data"].module.store[1].aws_s3_bucket.this (module.team["data"].module.store[1])',
      'modules/bucket/main.tf:10 module.team["ml"].module.store[0].aws_s3_bucket.this (module.team["ml"].module.store[0])',
      'modules/bucket/main.tf:10 module.team["ml"].module.store[1].aws_s3_bucket.this (module.team["ml"].module.store[1])',
    ]);
  });

  it('module outputs carry references and known values back to the caller', async () => {
    const result = await scanFiles({
      'main.tf': `module "store" {
  source = "./modules/bucket"
  name   = "acme-store"
}

# Versioned from the caller through the module's output.
resource "aws_s3_bucket_versioning" "store" {
  bucket = module.store.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket" "copy" {
  bucket = "\${module.store.name}-copy"
}

resource "aws_s3_bucket_versioning" "copy" {
  bucket = "acme-store-copy"
  versioning_configuration {
    status = "Enabled"
  }
}
`,
      'modules/bucket/main.tf': BUCKET_MODULE,
    });
    expect(result.errors).toEqual([]);
    expect(hits(result)).toEqual([]);
  });

  it('does not load remote modules, and their outputs stay unknown', async () => {
    const result = await scanFiles({
      'main.tf': `module "remote" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "4.1.0"
}
resource "aws_s3_bucket" "b" {
  bucket = "b"
}
resource "aws_s3_bucket_versioning" "b" {
  bucket = "b"
  versioning_configuration {
    status = module.remote.versioning_status
  }
}
`,
    });
    expect(result.errors).toEqual([]);
    expect(hits(result)).toEqual([]);
  });

  it('refuses module folders outside the root or linked out of it', async () => {
    const outside = path.join(
      makeTempDir({ 'main.tf': 'resource "aws_s3_bucket" "evil" {\n  bucket = "x"\n}\n' }),
    );
    const result = await scanFiles({
      'main.tf': `module "up" {
  source = "../../escape"
}
module "linked" {
  source = "./modules/linked"
}
`,
      'modules/linked': { symlink: outside },
    });
    expect(hits(result)).toEqual([]);
    const refused = result.errors.filter((e) => e.code === 'symlink-outside-root' && e.file === 'main.tf');
    expect(refused.map((e) => e.line).sort()).toEqual([2, 5]);
  });

  it('stops at module cycles', async () => {
    const result = await scanFiles({
      'main.tf': 'module "a" {\n  source = "./a"\n}\n',
      'a/main.tf': 'module "b" {\n  source = "../b"\n}\nresource "aws_s3_bucket" "in_a" {}\n',
      'b/main.tf': 'module "a" {\n  source = "../a"\n}\n',
    });
    expect(hits(result)).toEqual(['a/main.tf:4 module.a.aws_s3_bucket.in_a (module.a)']);
  });

  it('honours suppressions written in the module file', async () => {
    const result = await scanFiles({
      'main.tf': 'module "m" {\n  source = "./modules/bucket"\n  name = "x"\n}\n',
      'modules/bucket/main.tf': BUCKET_MODULE.replace(
        'resource "aws_s3_bucket" "this" {',
        '# palisade:ignore PAL-AWS-S3-001 scratch bucket, recreated daily\nresource "aws_s3_bucket" "this" {',
      ),
    });
    const finding = result.findings.find((f) => f.ruleId === RULE);
    expect(finding?.suppression).toBeDefined();
  });
});

describe('variables from files', () => {
  const files: TempFiles = {
    'main.tf': `variable "status" {
  default = "Suspended"
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
`,
  };

  it('reads terraform.tfvars, and --var-file wins over it', async () => {
    expect(hits(await scanFiles(files))).toEqual(['main.tf:10 aws_s3_bucket.b']);
    expect(hits(await scanFiles({ ...files, 'terraform.tfvars': 'status = "Enabled"\n' }))).toEqual([]);
    const varFile = path.join(makeTempDir({ 'prod.tfvars': 'status = "Suspended"\n' }), 'prod.tfvars');
    const result = await scanFiles(
      { ...files, 'terraform.tfvars': 'status = "Enabled"\n' },
      { varFiles: [varFile] },
    );
    expect(hits(result)).toEqual(['main.tf:10 aws_s3_bucket.b']);
  });

  it('a missing or malformed --var-file is a usage error', async () => {
    await expect(
      scanFiles(files, { varFiles: [path.join(os.tmpdir(), 'no-such-palisade.tfvars')] }),
    ).rejects.toThrow(/cannot read var file/);
    const bad = path.join(makeTempDir({ 'bad.tfvars': 'status = = "x"\n' }), 'bad.tfvars');
    await expect(scanFiles(files, { varFiles: [bad] })).rejects.toThrow(/not valid/);
  });
});

describe('malformed and hostile input', () => {
  it('reports a malformed file with its line and still evaluates the rest of the folder and the scan', async () => {
    const result = await scanFiles({
      'infra/broken.tf': 'resource "aws_s3_bucket" "x" {\n  bucket = "x"\n  acl = = "private"\n}\n',
      'infra/good.tf': 'resource "aws_s3_bucket" "good" {\n  bucket = "good"\n}\n',
      'other/main.tf': 'resource "aws_s3_bucket" "other" {\n  bucket = "other"\n}\n',
      'infra/no-labels.tf': 'resource {\n}\n',
    });
    const errors = result.errors.map((e) => `${e.file}:${e.line} ${e.code}`).sort();
    expect(errors).toEqual(['infra/broken.tf:3 parse-failed', 'infra/no-labels.tf:1 parse-failed']);
    expect(hits(result)).toEqual([
      'infra/good.tf:1 aws_s3_bucket.good',
      'other/main.tf:1 aws_s3_bucket.other',
    ]);
  });

  it('bounds huge counts, self-referencing locals, exponential locals and deep nesting', async () => {
    const doubling = Array.from({ length: 60 }, (_, i) => `  l${i + 1} = [local.l${i}, local.l${i}]`).join(
      '\n',
    );
    const result = await scanFiles({
      'count/main.tf':
        'resource "aws_s3_bucket" "many" {\n  count  = 1000000000\n  bucket = "b-${count.index}"\n}\n',
      'cycle/main.tf':
        'locals {\n  a = local.b\n  b = local.a\n}\nresource "aws_s3_bucket" "c" {\n  bucket = local.a\n}\n',
      'blowup/main.tf': `locals {\n  l0 = ["x", "x"]\n${doubling}\n}\nresource "aws_s3_bucket" "e" {\n  bucket = "e"\n  tags = { all = jsonencode(local.l60) }\n}\n`,
      'deep/main.tf': `resource "aws_s3_bucket" "d" {\n  bucket = ${'['.repeat(3000)}${']'.repeat(3000)}\n}\n`,
      'self/main.tf': 'module "me" {\n  source = "./"\n}\nresource "aws_s3_bucket" "s" {}\n',
    });
    expect(hits(result)).toEqual([
      'blowup/main.tf:64 aws_s3_bucket.e',
      'count/main.tf:1 aws_s3_bucket.many',
      'cycle/main.tf:5 aws_s3_bucket.c',
      'self/main.tf:4 aws_s3_bucket.s',
    ]);
    expect(result.errors.find((e) => e.file === 'deep/main.tf')?.code).toBe('too-deep');
  });
});

describe('plan JSON', () => {
  const plan = {
    format_version: '1.2',
    terraform_version: '1.9.5',
    planned_values: {
      root_module: {
        resources: [
          {
            address: 'aws_s3_bucket.root',
            mode: 'managed',
            type: 'aws_s3_bucket',
            name: 'root',
            values: { bucket: 'root-bucket', tags: null },
            sensitive_values: {},
          },
          {
            address: 'aws_s3_bucket_versioning.root',
            mode: 'managed',
            type: 'aws_s3_bucket_versioning',
            name: 'root',
            values: { versioning_configuration: [{ status: 'Enabled', mfa_delete: null }] },
            sensitive_values: {},
          },
          {
            address: 'data.aws_caller_identity.me',
            mode: 'data',
            type: 'aws_caller_identity',
            name: 'me',
            values: {},
          },
        ],
        child_modules: [
          {
            address: 'module.logs',
            resources: [
              {
                address: 'module.logs.aws_s3_bucket.this[0]',
                mode: 'managed',
                type: 'aws_s3_bucket',
                name: 'this',
                index: 0,
                values: { bucket: 'logs' },
                sensitive_values: {},
              },
            ],
          },
        ],
      },
    },
    resource_changes: [
      {
        address: 'aws_s3_bucket_versioning.root',
        mode: 'managed',
        type: 'aws_s3_bucket_versioning',
        name: 'root',
        change: { actions: ['create'], after_unknown: { bucket: true, id: true } },
      },
    ],
    configuration: {
      root_module: {
        resources: [
          {
            address: 'aws_s3_bucket_versioning.root',
            type: 'aws_s3_bucket_versioning',
            name: 'root',
            expressions: { bucket: { references: ['aws_s3_bucket.root.id', 'aws_s3_bucket.root'] } },
          },
        ],
      },
    },
  };

  it('declares planned resources of every module, with unknown values referring to their sources', async () => {
    const text = JSON.stringify(plan, null, 2);
    const result = await scanFiles({ 'plan.json': text });
    expect(result.errors).toEqual([]);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('"module.logs.aws_s3_bucket.this[0]"')) + 1;
    expect(hits(result)).toEqual([`plan.json:${line} module.logs.aws_s3_bucket.this[0] (module.logs)`]);
  });
});

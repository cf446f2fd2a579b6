/**
 * End to end: a real-world-shaped repository (Terraform with a local module, CloudFormation, a leaked key, a
 * workflow) scanned with the whole built-in catalogue gives line-accurate findings, and every reporter
 * renders them in its official format without any secret value.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../scanners/core/package.js';
import type { ScanResult } from '../../scanners/core/types.js';
import { scan } from '../../scanners/engine/scan.js';
import { REPORT_FORMATS, render } from '../../scanners/reporters/index.js';
import {
  codeQualityValidator,
  gitlabSastValidator,
  gitlabSecretsValidator,
  palisadeReportValidator,
  sarifValidator,
} from '../helpers/schemas.js';

const ROOT = packagePath('server/demo/repositories/platform-infra');
const PLANTED = ['AKIAQ7ZT3LMN5RWX4B2K', 'Zq8vRb2mXk4Wn7Tp1Ys9Lc3Hd6Jf0Ga5Ue2Io8Kr'];
let result: ScanResult;

/** The 1-based line of the first line of `file` containing `needle`. */
function lineOf(file: string, needle: string): number {
  const index = readFileSync(path.join(ROOT, file), 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`${needle} is not in ${file}`);
  return index + 1;
}

function found(ruleId: string, file: string, line: number) {
  return result.findings.find(
    (f) => f.ruleId === ruleId && f.location.file === file && f.location.startLine === line,
  );
}

beforeAll(async () => {
  result = await scan({ root: ROOT, baseline: false });
});

describe('a realistic repository', () => {
  it('scans every file without errors', () => {
    expect(result.errors.filter((error) => error.level === 'error')).toEqual([]);
    expect(result.stats.filesScanned).toBeGreaterThanOrEqual(5);
  });

  it('reports misconfigurations at the attribute, or at the resource when the setting is missing', () => {
    expect(
      found('PAL-AWS-VPC-001', 'main.tf', lineOf('main.tf', 'cidr_blocks = ["0.0.0.0/0"]')),
    ).toBeDefined();
    expect(
      found('PAL-AWS-RDS-002', 'main.tf', lineOf('main.tf', 'publicly_accessible = true')),
    ).toBeDefined();
    // Encryption is not set at all: the finding is on the resource header.
    expect(
      found('PAL-AWS-RDS-001', 'main.tf', lineOf('main.tf', 'resource "aws_db_instance" "orders"')),
    ).toBeDefined();
  });

  it('follows settings made by separate resources and into local modules', () => {
    // Versioning of aws_s3_bucket.reports comes from aws_s3_bucket_versioning: not reported.
    expect(
      result.findings.filter((f) => f.ruleId === 'PAL-AWS-S3-001' && f.location.file === 'main.tf'),
    ).toEqual([]);
    // The module's bucket has no versioning: reported in the module file, naming the calling module.
    const moduleFile = 'modules/logs-bucket/main.tf';
    const inModule = found(
      'PAL-AWS-S3-001',
      moduleFile,
      lineOf(moduleFile, 'resource "aws_s3_bucket" "this"'),
    );
    expect(inModule?.modulePath).toBe('module.access_logs');
    // Its public access block is attached: no "no public access block" finding for it.
    expect(
      result.findings.filter((f) => f.ruleId === 'PAL-AWS-S3-003' && f.location.file === moduleFile),
    ).toEqual([]);
  });

  it('finds the leaked key and the injected workflow expression on their lines', () => {
    const secrets = result.findings.filter(
      (f) => f.category === 'secret' && f.location.file === 'config/deploy.env',
    );
    expect(secrets.map((f) => f.location.startLine)).toContain(
      lineOf('config/deploy.env', 'AWS_ACCESS_KEY_ID='),
    );
    for (const finding of secrets) expect(finding.secret?.preview.length).toBeLessThanOrEqual(4);
    const workflow = '.github/workflows/label.yml';
    const injection = result.findings.find((f) => f.category === 'pipeline' && f.location.file === workflow);
    expect(injection?.location.startLine).toBe(lineOf(workflow, 'github.event.pull_request.title'));
  });

  it('renders every report format in its official schema, with no secret value anywhere', () => {
    const validators: Record<string, (() => { (data: unknown): boolean; errors?: unknown }) | undefined> = {
      json: palisadeReportValidator,
      sarif: sarifValidator,
      'gitlab-sast': gitlabSastValidator,
      'gitlab-secret-detection': gitlabSecretsValidator,
      'gitlab-codequality': codeQualityValidator,
    };
    for (const format of REPORT_FORMATS) {
      const text = render(format, result, { commitSha: 'a'.repeat(40) });
      expect(text.length, format).toBeGreaterThan(0);
      for (const value of PLANTED)
        expect(text.includes(value), `${format} leaks a planted secret`).toBe(false);
      const validator = validators[format]?.();
      if (validator)
        expect(validator(JSON.parse(text)), `${format}: ${JSON.stringify(validator.errors)}`).toBe(true);
    }
  });
});

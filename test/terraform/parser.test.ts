// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${...} is Terraform interpolation, not JavaScript.
import { beforeAll, describe, expect, it } from 'vitest';
import { FileError } from '../../scanners/core/errors.js';
import { LineIndex } from '../../scanners/core/source.js';
import { toPlain } from '../../scanners/parsers/tree.js';
import { initTerraformParser } from '../../scanners/terraform/index.js';
import { parseTerraformText } from '../../scanners/terraform/parse-file.js';
import { parseHcl } from '../../scanners/terraform/parser.js';
import { declare } from './helpers.js';

beforeAll(() => initTerraformParser());

function parseError(text: string): FileError {
  try {
    parseHcl('main.tf', text);
  } catch (error) {
    if (error instanceof FileError) return error;
    throw error;
  }
  throw new Error('parsed without an error');
}

describe('native syntax', () => {
  it('keeps 1-based ranges of blocks, headers, attributes and values, and the comments', () => {
    const text = [
      '# leading comment',
      'resource "aws_s3_bucket" "logs" { // header comment',
      '  bucket = "é-logs" /* inline */',
      '  versioning {',
      '    enabled = true',
      '  }',
      '}',
      '',
    ].join('\n');
    const file = parseHcl('main.tf', text);
    const block = file.body.blocks[0]!;
    expect(block.type).toBe('resource');
    expect(block.labels).toEqual(['aws_s3_bucket', 'logs']);
    expect(block.range).toEqual({ startLine: 2, startColumn: 1, endLine: 7, endColumn: 2 });
    expect(block.headerRange).toEqual({ startLine: 2, startColumn: 1, endLine: 2, endColumn: 34 });
    const bucket = block.body.attributes[0]!;
    expect(bucket.nameRange).toEqual({ startLine: 3, startColumn: 3, endLine: 3, endColumn: 9 });
    // Columns count UTF-16 code units, as the rest of the engine does.
    expect(bucket.expr.range).toEqual({ startLine: 3, startColumn: 12, endLine: 3, endColumn: 20 });
    expect(block.body.blocks[0]!.range).toEqual({ startLine: 4, startColumn: 3, endLine: 6, endColumn: 4 });
    expect(file.comments.map((c) => [c.text, c.range.startLine])).toEqual([
      ['# leading comment', 1],
      ['// header comment', 2],
      ['/* inline */', 3],
    ]);
  });

  it('reports the line of the first syntax error', () => {
    const error = parseError('resource "a" "b" {\n  x = 1\n  y = \n}\n\nlocals { ok = 1 }\n');
    expect(error.code).toBe('parse-failed');
    expect(error.line).toBeGreaterThanOrEqual(3);
    expect(error.line).toBeLessThanOrEqual(4);
    expect(parseError('a = 1\nb = = 2\nc = 3\n').line).toBe(2);
  });

  it('refuses expressions nested deeper than the limit instead of overflowing the stack', () => {
    const deep = `x = ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    expect(parseError(deep).code).toBe('too-deep');
    const chain = `x = ${Array.from({ length: 5000 }, () => '1').join(' + ')}\n`;
    expect(parseError(chain).code).toBe('too-deep');
    const blocks = `${'a {\n'.repeat(3000)}${'}\n'.repeat(3000)}`;
    expect(parseError(blocks).code).toBe('too-deep');
  });
});

describe('JSON syntax', () => {
  it('reads resources, variables, locals and templates from .tf.json', async () => {
    const config = JSON.stringify(
      {
        variable: { env: { default: 'prod' } },
        locals: { name: 'app-${var.env}' },
        resource: {
          aws_s3_bucket: {
            logs: {
              bucket: '${local.name}-logs',
              versioning: { enabled: true },
              tags: { Env: '${var.env}' },
            },
          },
        },
      },
      null,
      2,
    );
    const { resources, errors } = await declare({ 'main.tf.json': config });
    expect(errors).toEqual([]);
    expect(resources).toHaveLength(1);
    const logs = resources[0]!;
    expect(logs.address).toBe('aws_s3_bucket.logs');
    expect(toPlain(logs.body)).toEqual({
      bucket: 'app-prod-logs',
      versioning: { enabled: true },
      tags: { Env: 'prod' },
    });
    // The header is the resource name's key line; the values point at their own lines.
    expect(config.split('\n')[logs.headerRange.startLine - 1]).toContain('"logs"');
    const bucketLine = config.split('\n')[logs.body.entries[0]!.value.range.startLine - 1];
    expect(bucketLine).toContain('"bucket"');
  });

  it('reads .tfvars.json as variable values', () => {
    const text = '{ "region": "eu-west-1", "zones": ["a", "b"] }';
    const file = parseTerraformText('x.tfvars.json', text, new LineIndex(text), 'terraform-vars');
    expect(file.body.attributes.map((a) => a.name)).toEqual(['region', 'zones']);
  });
});

// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${...} is Terraform interpolation, not JavaScript.
import { describe, expect, it } from 'vitest';
import { child, toPlain } from '../../scanners/parsers/tree.js';
import { byAddress, declare, evaluate, plain } from './helpers.js';

describe('literals, operators and templates', () => {
  it.each([
    ['42', 42],
    ['-1.5', -1.5],
    ['true', true],
    ['null', null],
    ['"a\\tb\\n\\"q\\" \\u00e9 $${x} %%{y}"', 'a\tb\n"q" é ${x} %{y}'],
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['10 % 4', 2],
    ['7 / 2', 3.5],
    ['"5" + 1', 6],
    ['2 > 1 && !false', true],
    ['1 == 1 || false', true],
    ['[1, "a"] == [1, "a"]', true],
    ['{ a = 1 } != { a = 1 }', false],
    ['"1" == 1', false],
    ['3 >= 3 ? "yes" : "no"', 'yes'],
    ['false ? 1 : 2', 2],
    ['[1, 2, 3][1]', 2],
    ['{ a = { b = "c" } }.a.b', 'c'],
    ['{ "x y" = 1 }["x y"]', 1],
    ['[{ id = 1 }, { id = 2 }][*].id', [1, 2]],
    ['[{ id = 1 }, { id = 2 }].*.id', [1, 2]],
    ['[for s in ["a", "b"] : upper(s)]', ['A', 'B']],
    ['[for i, s in ["a", "b", "c"] : "${i}${s}" if s != "b"]', ['0a', '2c']],
    ['{ for k, v in { b = 2, a = 1 } : v => k }', { '1': 'a', '2': 'b' }],
    ['{ for s in ["a", "b", "a"] : s => s... }', { a: ['a', 'a'], b: ['b'] }],
    ['"x-${1 + 1}-${true}"', 'x-2-true'],
    ['"%{ if true }on%{ else }off%{ endif }"', 'on'],
    ['"x ${~ "b"} y"', 'xb y'],
    ['"x ${"b" ~} y"', 'x by'],
  ])('%s', async (expression, expected) => {
    expect(await plain(expression)).toEqual(expected);
  });

  it('evaluates heredocs, stripping the indentation of <<-', async () => {
    const value = await plain('<<-EOT\n    {\n      "a": "${"x"}"\n    }\n  EOT');
    expect(value).toBe('{\n  "a": "x"\n}\n');
    expect(await plain('<<EOT\nraw \\n ${1}\nEOT')).toBe('raw \\n 1\n');
  });

  it('a template that is a single interpolation keeps the value type', async () => {
    expect(await plain('"${[1, 2]}"')).toEqual([1, 2]);
  });
});

describe('functions', () => {
  it.each([
    ['jsonencode({ a = [1, "b<"] })', '{"a":[1,"b\\u003c"]}'],
    ['jsondecode("{\\"a\\": [1, true]}").a[1]', true],
    ['merge({ a = 1, b = 1 }, { b = 2 }, null)', { a: 1, b: 2 }],
    ['lookup({ a = 1 }, "b", "d")', 'd'],
    ['lookup({ a = 1 }, "a")', 1],
    ['concat([1], [2, 3], [])', [1, 2, 3]],
    ['format("%s-%03d-%v-%q-%.1f-%%", "a", 7, true, "q", 1.25)', 'a-007-true-"q"-1.3-%'],
    ['formatlist("%s=%s", ["a", "b"], "x")', ['a=x', 'b=x']],
    ['join(",", ["a", "b"], ["c"])', 'a,b,c'],
    ['split(",", "a,b")', ['a', 'b']],
    ['lower("AbC")', 'abc'],
    ['upper("abc")', 'ABC'],
    ['replace("a-b-c", "-", "_")', 'a_b_c'],
    ['trimspace("  a \\n")', 'a'],
    ['tostring(5)', '5'],
    ['tonumber("5.5")', 5.5],
    ['tobool("true")', true],
    ['tolist(["a"])', ['a']],
    ['toset(["a", "b", "a"])', ['a', 'b']],
    ['tomap({ a = "b" })', { a: 'b' }],
    ['coalesce(null, "", "x")', 'x'],
    ['coalescelist([], ["a"])', ['a']],
    ['try({ a = 1 }.b, "fallback")', 'fallback'],
    ['try({ a = 1 }.a, "fallback")', 1],
    ['can({ a = 1 }.b)', false],
    ['can([1][0])', true],
    ['length([1, 2])', 2],
    ['length({ a = 1 })', 1],
    ['length("héllo")', 5],
    ['contains(["a", "b"], "b")', true],
    ['keys({ b = 1, a = 2 })', ['a', 'b']],
    ['values({ b = 1, a = 2 })', [2, 1]],
    ['element(["a", "b"], 3)', 'b'],
    ['flatten([[1, [2]], [], 3])', [1, 2, 3]],
    ['distinct([1, 2, 1])', [1, 2]],
    ['compact(["a", "", null, "b"])', ['a', 'b']],
    ['substr("hello", 1, 3)', 'ell'],
    ['range(3)', [0, 1, 2]],
    ['zipmap(["a", "b"], [1, 2])', { a: 1, b: 2 }],
    ['max(1, 5, 3)', 5],
    ['concat([["a"], ["b"]]...)', ['a', 'b']],
    ['sensitive("hunter2")', 'hunter2'],
  ])('%s', async (expression, expected) => {
    expect(await plain(expression)).toEqual(expected);
  });

  it.each([
    'file("secret.txt")',
    'templatefile("t.tpl", {})',
    'cidrsubnet("10.0.0.0/16", 8, 1)',
    'timestamp()',
    'no_such_function(1)',
    'replace("abc", "/b/", "x")',
    'provider::aws::arn_parse("arn")',
  ])('%s is unknown', async (expression) => {
    expect((await evaluate(expression)).kind).toBe('unknown');
  });
});

describe('variables', () => {
  const variables = `
variable "a" { default = "default" }
variable "b" { default = "default" }
variable "c" { default = "default" }
variable "d" { default = "default" }
variable "e" { default = "default" }
variable "unset" {}
variable "count_text" { type = number }
resource "test_thing" "t" {
  a = var.a
  b = var.b
  c = var.c
  d = var.d
  e = var.e
  unset = var.unset
  n = var.count_text + 1
}
`;

  it('applies default < terraform.tfvars < *.auto.tfvars in name order < --var-file in order', async () => {
    const { resources, errors } = await declare(
      {
        'main.tf': variables,
        'terraform.tfvars': 'b = "tfvars"\nc = "tfvars"\nd = "tfvars"\ne = "tfvars"\ncount_text = "4"\n',
        'b.auto.tfvars': 'c = "auto-b"\nd = "auto-b"\ne = "auto-b"\n',
        'a.auto.tfvars.json': '{ "c": "auto-a", "d": "auto-a", "e": "auto-a" }',
        'prod.tfvars': 'b = "not loaded: only -var-file loads it"\n',
      },
      {
        varFiles: [
          { path: 'one.tfvars', text: 'd = "var-file-1"\ne = "var-file-1"\n' },
          { path: 'two.tfvars.json', text: '{ "e": "var-file-2" }' },
        ],
      },
    );
    expect(errors).toEqual([]);
    const body = toPlain(byAddress(resources, 'test_thing.t').body);
    expect(body).toEqual({
      a: 'default',
      b: 'tfvars',
      c: 'auto-b',
      d: 'var-file-1',
      e: 'var-file-2',
      unset: undefined,
      n: 5,
    });
    expect(child(byAddress(resources, 'test_thing.t').body, 'unset')?.kind).toBe('unknown');
  });

  it('evaluates locals across files, in any order', async () => {
    const { resources } = await declare({
      'a.tf': 'locals {\n  full = "${local.base}-${var.env}"\n}\n',
      'b.tf': 'variable "env" { default = "prod" }\nlocals { base = upper("app") }\n',
      'c.tf': 'resource "test_thing" "t" { name = local.full }\n',
    });
    expect(toPlain(resources[0]!.body)).toEqual({ name: 'APP-prod' });
  });
});

describe('unknown values', () => {
  it('a resource reference is unknown and names the resource', async () => {
    for (const expression of [
      'aws_s3_bucket.logs.id',
      'aws_s3_bucket.logs[0].arn',
      'aws_s3_bucket.logs[*].id',
    ]) {
      const node = await evaluate(expression);
      expect(node).toMatchObject({ kind: 'unknown', refs: ['aws_s3_bucket.logs'] });
    }
  });

  it('data sources and module outputs are unknown', async () => {
    expect(await evaluate('data.aws_iam_policy_document.p.json')).toMatchObject({
      kind: 'unknown',
      refs: ['data.aws_iam_policy_document.p'],
    });
    expect(
      await evaluate(
        'module.remote.bucket',
        'module "remote" {\n source = "terraform-aws-modules/s3-bucket/aws"\n}',
      ),
    ).toMatchObject({
      kind: 'unknown',
      refs: ['module.remote'],
    });
  });

  it('propagates through operators, templates, functions and conditionals with the union of refs', async () => {
    const cases = [
      '"${aws_s3_bucket.a.id}-${aws_s3_bucket.b.id}"',
      'join("-", [aws_s3_bucket.a.id, aws_s3_bucket.b.id])',
      'aws_s3_bucket.a.id == "x" ? aws_s3_bucket.b.id : "y"',
      'var.unset ? aws_s3_bucket.a.id : aws_s3_bucket.b.id',
      'length(aws_s3_bucket.a.tags) + length(aws_s3_bucket.b.tags)',
    ];
    for (const expression of cases) {
      const node = await evaluate(expression, 'variable "unset" {}');
      expect(node.kind, expression).toBe('unknown');
      expect(node.kind === 'unknown' && [...(node.refs ?? [])].sort(), expression).toEqual([
        'aws_s3_bucket.a',
        'aws_s3_bucket.b',
      ]);
    }
  });

  it('keeps known parts of collections known', async () => {
    const node = await evaluate('{ name = "x", arn = aws_s3_bucket.a.arn }');
    expect(node.kind).toBe('map');
    expect(child(node, 'name')).toMatchObject({ kind: 'scalar', value: 'x' });
    expect(child(node, 'arn')).toMatchObject({ kind: 'unknown', refs: ['aws_s3_bucket.a'] });
  });

  it('jsonencode of a partly unknown document keeps its structure with unknown leaves', async () => {
    const node = await evaluate('jsonencode({ Action = "s3:GetObject", Resource = aws_s3_bucket.a.arn })');
    expect(node.kind).toBe('map');
    expect(child(node, 'Action')).toMatchObject({ kind: 'scalar', value: 's3:GetObject' });
    expect(child(node, 'Resource')).toMatchObject({ kind: 'unknown', refs: ['aws_s3_bucket.a'] });
    expect((await evaluate('jsonencode(aws_s3_bucket.a.policy)')).kind).toBe('unknown');
  });

  it('results too large to build are unknown', async () => {
    const preamble = `locals {
  kilo = join("", [for i in range(1000) : "x"])
  mega = join("", [for i in range(1000) : local.kilo])
  many = [for i in range(1000) : local.mega]
}`;
    for (const expression of [
      'jsonencode(local.many)',
      'replace(local.mega, "x", local.kilo)',
      'indent(1000, replace(local.mega, "x", "\\n"))',
      'join(",", local.many)',
      '"${local.mega}${local.mega}"',
      'formatlist("%s", local.many)',
    ]) {
      expect((await evaluate(expression, preamble)).kind, expression).toBe('unknown');
    }
    expect(await plain('length(local.mega)', preamble)).toBe(1_000_000);
  });

  it('recursive locals are unknown instead of looping', async () => {
    const node = await evaluate('local.a', 'locals {\n  a = local.b\n  b = local.a\n}');
    expect(node.kind).toBe('unknown');
  });
});

describe('ranges', () => {
  it('points attribute values at the value where it is written, even when it comes from a variable', async () => {
    const { resources } = await declare({
      'variables.tf': 'variable "tags" {\n  default = { Team = "core" }\n}\n',
      'main.tf':
        'resource "test_thing" "t" {\n  name = "x"\n\n  tags   = var.tags\n  nested {\n    deep = 1\n  }\n}\n',
    });
    const resource = resources[0]!;
    expect(resource.file).toBe('main.tf');
    expect(resource.range).toEqual({ startLine: 1, startColumn: 1, endLine: 8, endColumn: 2 });
    expect(resource.headerRange).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 28 });
    expect(child(resource.body, 'name')?.range).toEqual({
      startLine: 2,
      startColumn: 10,
      endLine: 2,
      endColumn: 13,
    });
    const tags = child(resource.body, 'tags');
    expect(tags?.range.startLine).toBe(4);
    expect(child(tags, 'Team')?.range.startLine).toBe(4);
    const nested = child(resource.body, 'nested');
    expect(nested?.kind).toBe('seq');
    expect(nested?.kind === 'seq' && nested.items[0]?.range).toEqual({
      startLine: 5,
      startColumn: 3,
      endLine: 7,
      endColumn: 4,
    });
  });
});

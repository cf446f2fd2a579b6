// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${...} is Terraform interpolation, not JavaScript.
import { describe, expect, it } from 'vitest';
import { child, toPlain } from '../../scanners/parsers/tree.js';
import { byAddress, declare } from './helpers.js';

describe('count and for_each', () => {
  it('expands a known count, binding count.index', async () => {
    const { resources } = await declare({
      'main.tf': 'resource "aws_instance" "web" {\n  count = 2\n  name  = "web-${count.index}"\n}\n',
    });
    expect(resources.map((r) => [r.address, toPlain(r.body), r.refKeys])).toEqual([
      ['aws_instance.web[0]', { name: 'web-0' }, ['aws_instance.web']],
      ['aws_instance.web[1]', { name: 'web-1' }, ['aws_instance.web']],
    ]);
  });

  it('declares nothing for count = 0 and for an empty for_each', async () => {
    const { resources } = await declare({
      'main.tf':
        'variable "on" { default = false }\nresource "a" "x" { count = var.on ? 1 : 0 }\nresource "a" "y" { for_each = {} }\n',
    });
    expect(resources).toEqual([]);
  });

  it('expands for_each over a map and a set, binding each.key and each.value', async () => {
    const { resources } = await declare({
      'main.tf': `
resource "aws_s3_bucket" "b" {
  for_each = { logs = "private", site = "public-read" }
  bucket   = "acme-\${each.key}"
  acl      = each.value
}
resource "aws_s3_bucket" "s" {
  for_each = toset(["x", "y"])
  bucket   = each.value
}
`,
    });
    expect(resources.map((r) => [r.address, toPlain(r.body)])).toEqual([
      ['aws_s3_bucket.b["logs"]', { bucket: 'acme-logs', acl: 'private' }],
      ['aws_s3_bucket.b["site"]', { bucket: 'acme-site', acl: 'public-read' }],
      ['aws_s3_bucket.s["x"]', { bucket: 'x' }],
      ['aws_s3_bucket.s["y"]', { bucket: 'y' }],
    ]);
  });

  it('declares once, with unknown count.index and each, when the expansion cannot be known', async () => {
    const { resources } = await declare({
      'main.tf': `
variable "n" {}
resource "a" "counted" {
  count = var.n
  name  = "x-\${count.index}"
  fixed = "known"
}
resource "a" "each" {
  for_each = aws_s3_bucket.all
  bucket   = each.value.id
}
resource "a" "huge" {
  count = 100000
  name  = "big"
}
`,
    });
    expect(resources.map((r) => r.address)).toEqual(['a.counted', 'a.each', 'a.huge']);
    const counted = byAddress(resources, 'a.counted');
    expect(child(counted.body, 'name')?.kind).toBe('unknown');
    expect(child(counted.body, 'fixed')).toMatchObject({ kind: 'scalar', value: 'known' });
    expect(child(byAddress(resources, 'a.each').body, 'bucket')).toMatchObject({
      kind: 'unknown',
      refs: ['aws_s3_bucket.all'],
    });
    expect(child(byAddress(resources, 'a.huge').body, 'name')).toMatchObject({ value: 'big' });
  });
});

describe('blocks', () => {
  it('keeps every nested block type as a list of maps, even when it appears once', async () => {
    const { resources } = await declare({
      'main.tf': `
resource "aws_security_group" "sg" {
  ingress {
    from_port = 22
  }
  ingress {
    from_port = 443
  }
  egress {
    to_port = 0
  }
  lifecycle {
    create_before_destroy = true
  }
  depends_on = [aws_vpc.main]
}
`,
    });
    expect(toPlain(resources[0]!.body)).toEqual({
      ingress: [{ from_port: 22 }, { from_port: 443 }],
      egress: [{ to_port: 0 }],
      lifecycle: [{ create_before_destroy: true }],
    });
  });

  it('expands dynamic blocks when their for_each is known, with the iterator bound', async () => {
    const { resources } = await declare({
      'main.tf': `
locals {
  ports = [22, 443]
}
resource "aws_security_group" "sg" {
  ingress {
    from_port = 80
  }
  dynamic "ingress" {
    for_each = local.ports
    content {
      from_port = ingress.value
      index     = ingress.key
    }
  }
  dynamic "egress" {
    for_each = { all = "0.0.0.0/0" }
    iterator = rule
    content {
      cidr = rule.value
      name = rule.key
    }
  }
}
`,
    });
    expect(toPlain(resources[0]!.body)).toEqual({
      ingress: [{ from_port: 80 }, { from_port: 22, index: 0 }, { from_port: 443, index: 1 }],
      egress: [{ cidr: '0.0.0.0/0', name: 'all' }],
    });
  });

  it('makes a dynamic block type unknown when its for_each is unknown', async () => {
    const { resources } = await declare({
      'main.tf': `
variable "rules" {}
resource "aws_security_group" "sg" {
  dynamic "ingress" {
    for_each = var.rules
    content {
      from_port = ingress.value.port
    }
  }
}
`,
    });
    expect(child(resources[0]!.body, 'ingress')?.kind).toBe('unknown');
  });
});

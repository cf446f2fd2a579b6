// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${...} is Terraform interpolation, not JavaScript.
import { describe, expect, it } from 'vitest';
import { declare } from './helpers.js';

/** A seeded generator, so a failure reproduces. */
function generator(seed: number) {
  let state = seed;
  const rand = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  const pick = <T>(items: T[]): T => items[Math.floor(rand() * items.length)] as T;
  const functions = [
    'jsonencode',
    'jsondecode',
    'merge',
    'lookup',
    'concat',
    'format',
    'formatlist',
    'join',
    'split',
  ];
  functions.push(
    'replace',
    'tostring',
    'tonumber',
    'toset',
    'tomap',
    'coalesce',
    'try',
    'can',
    'length',
    'keys',
  );
  functions.push(
    'element',
    'flatten',
    'distinct',
    'compact',
    'range',
    'zipmap',
    'slice',
    'substr',
    'one',
    'indent',
  );
  const leaf = () =>
    pick(['1', '"s"', 'true', 'null', 'var.a', 'local.l1', 'aws_x.y.id', 'count.index', '[]', '{}']);
  const expression = (depth: number): string => {
    if (depth > 4) return leaf();
    const next = () => expression(depth + 1);
    const some = (n: number) => Array.from({ length: Math.floor(rand() * n) }, next);
    switch (Math.floor(rand() * 11)) {
      case 0:
        return `[${some(4).join(', ')}]`;
      case 1:
        return `{ ${some(3)
          .map((v, i) => `k${i} = ${v}`)
          .join(', ')} }`;
      case 2:
        return `${pick(functions)}(${some(4).join(', ')})`;
      case 3:
        return `(${next()} ${pick(['+', '-', '*', '/', '%', '==', '!=', '<', '&&', '||'])} ${next()})`;
      case 4:
        return `${next()} ? ${next()} : ${next()}`;
      case 5:
        return `[for k, v in ${next()} : ${next()} if ${next()}]`;
      case 6:
        return `{for k, v in ${next()} : tostring(k) => ${next()}...}`;
      case 7:
        return `"pre-\${${next()}}-%{ if ${next()} }y%{ else }n%{ endif }"`;
      case 8:
        return `${pick(['local.l1', 'local.l2', 'var.a', 'module.m.o', 'data.d.e'])}${pick(['', '[0]', '.x', '[*].id'])}`;
      case 9:
        return `!${next()}`;
      default:
        return leaf();
    }
  };
  return expression;
}

describe('random well-formed configurations', () => {
  it('evaluate without throwing, whatever the types and unknowns', async () => {
    const expression = generator(20261128);
    for (let i = 0; i < 150; i++) {
      const text = `variable "a" { default = ${expression(3)} }
locals {
  l1 = ${expression(0)}
  l2 = local.l1 == null ? ${expression(1)} : local.l1
}
module "m" {
  source = "./x"
  count  = ${expression(2)}
}
resource "aws_x" "y" {
  for_each = ${expression(2)}
  v = ${expression(0)}
  dynamic "b" {
    for_each = ${expression(2)}
    content {
      w = ${expression(2)}
    }
  }
}
`;
      const { resources, errors } = await declare({ 'main.tf': text });
      expect(errors, text).toEqual([]);
      expect(
        resources.every((r) => r.type === 'aws_x' && r.address.startsWith('aws_x.y')),
        text,
      ).toBe(true);
    }
  });
});

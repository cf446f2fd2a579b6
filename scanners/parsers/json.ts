import { type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { FileError } from '../core/errors.js';
import { LineIndex } from '../core/source.js';
import { assertNestingDepth } from './depth.js';
import type { TreeNode } from './tree.js';

/** Parses JSON (comments and trailing commas tolerated, as ARM allows) into a ranged tree. */
export function parseJson(text: string, lines = new LineIndex(text)): TreeNode {
  assertNestingDepth(text);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first || !root) {
    const line = first ? lines.position(first.offset).line : 1;
    const what = first ? printParseErrorCode(first.error) : 'empty document';
    throw new FileError('parse-failed', `invalid JSON: ${what}`, line, 'Fix the syntax error at this line.');
  }
  return convert(root, lines);
}

function convert(node: Node, lines: LineIndex): TreeNode {
  const range = lines.range(node.offset, node.offset + node.length);
  switch (node.type) {
    case 'object':
      return {
        kind: 'map',
        range,
        entries: (node.children ?? []).flatMap((property) => {
          const [keyNode, valueNode] = property.children ?? [];
          if (!keyNode || !valueNode) return [];
          return [
            {
              key: String(keyNode.value),
              keyRange: lines.range(keyNode.offset, keyNode.offset + keyNode.length),
              value: convert(valueNode, lines),
            },
          ];
        }),
      };
    case 'array':
      return { kind: 'seq', range, items: (node.children ?? []).map((c) => convert(c, lines)) };
    default:
      return { kind: 'scalar', range, value: node.value as string | number | boolean | null };
  }
}

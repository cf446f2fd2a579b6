import { type Document, isAlias, isMap, isScalar, isSeq, type Node, parseAllDocuments } from 'yaml';
import { FileError } from '../core/errors.js';
import { LineIndex } from '../core/source.js';
import type { Range } from '../core/types.js';
import { assertNestingDepth } from './depth.js';
import type { TreeNode } from './tree.js';

/** Nodes an alias may expand to in one file: enough for real anchors, far too few for an alias bomb. */
export const MAX_ALIAS_EXPANSION = 10_000;

export interface YamlDocument {
  /** Undefined for an empty document. */
  tree: TreeNode | undefined;
  range: Range;
}

/** Parses every document of a YAML stream into ranged trees; aliases are expanded within a fixed budget. */
export function parseYaml(text: string, lines = new LineIndex(text)): YamlDocument[] {
  assertNestingDepth(text);
  const documents = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false, strict: false });
  const parsed = Array.isArray(documents) ? documents : [];
  const budget = { remaining: MAX_ALIAS_EXPANSION };
  return parsed.map((doc) => {
    const error = doc.errors[0];
    if (error?.code === 'RESOURCE_EXHAUSTION') {
      throw new FileError(
        'too-deep',
        'YAML nesting is too deep to parse',
        lines.position(error.pos[0]).line,
        'This file is not a template Palisade can check; exclude it if it is generated data.',
      );
    }
    if (error) {
      const line = lines.position(error.pos[0]).line;
      const message = error.message.split(' at line ')[0] ?? error.message;
      throw new FileError(
        'parse-failed',
        `invalid YAML: ${message}`,
        line,
        'Fix the syntax error at this line.',
      );
    }
    const [start = 0, , end = text.length] = doc.range;
    return {
      tree: doc.contents ? convert(doc.contents as Node, { doc, lines, budget }, false) : undefined,
      range: lines.range(start, end),
    };
  });
}

interface ConvertContext {
  doc: Document.Parsed;
  lines: LineIndex;
  budget: { remaining: number };
}

function convert(node: Node, context: ConvertContext, viaAlias: boolean): TreeNode {
  const { lines, budget } = context;
  if (viaAlias && --budget.remaining < 0) {
    throw new FileError(
      'parse-failed',
      `YAML aliases expand to more than ${MAX_ALIAS_EXPANSION} nodes (an alias bomb?)`,
      undefined,
      'Reduce the use of anchors and aliases in this file.',
    );
  }
  const [start = 0, valueEnd = start] = node.range ?? [];
  const range = lines.range(start, valueEnd);
  const tag = node.tag && !node.tag.startsWith('tag:yaml.org,2002:') ? node.tag : undefined;
  if (isAlias(node)) {
    const target = node.resolve(context.doc);
    if (!target) throw new FileError('parse-failed', `unknown YAML alias *${node.source}`, range.startLine);
    return { ...convert(target as Node, context, true), range };
  }
  if (isMap(node)) {
    return {
      kind: 'map',
      range,
      tag,
      entries: node.items.flatMap((pair) => {
        const keyNode = pair.key as Node | null;
        const valueNode = pair.value as Node | null;
        const key = keyNode && isScalar(keyNode) ? String(keyNode.value) : String(keyNode ?? '');
        const [keyStart = start, keyEnd = keyStart] = keyNode?.range ?? [];
        const keyRange = lines.range(keyStart, keyEnd);
        const value: TreeNode = valueNode
          ? convert(valueNode, context, viaAlias)
          : { kind: 'scalar', value: null, range: keyRange };
        return [{ key, keyRange, value }];
      }),
    };
  }
  if (isSeq(node)) {
    return {
      kind: 'seq',
      range,
      tag,
      items: node.items.map((item) => convert(item as Node, context, viaAlias)),
    };
  }
  const value = isScalar(node) ? node.value : null;
  const plain =
    value === null || ['string', 'number', 'boolean'].includes(typeof value)
      ? (value as string | number | boolean | null)
      : String(value);
  return { kind: 'scalar', range, tag, value: plain };
}

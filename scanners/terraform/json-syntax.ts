import { FileError } from '../core/errors.js';
import type { Range } from '../core/types.js';
import type { MapEntry, TreeNode } from '../parsers/tree.js';
import type { Expr, HclBlock, HclBody, HclFile, TemplatePart } from './ast.js';
import { parseHcl } from './parser.js';

/** Block types of the JSON syntax, with the number of labels each takes (nested objects before the body). */
const BLOCK_LABELS = new Map([
  ['resource', 2],
  ['data', 2],
  ['module', 1],
  ['variable', 1],
  ['output', 1],
  ['provider', 1],
  ['locals', 0],
  ['terraform', 0],
  ['moved', 0],
  ['import', 0],
  ['check', 1],
]);

/**
 * Converts Terraform's JSON syntax (`.tf.json`, parsed to a ranged tree) to the same shape as native HCL.
 * Strings are templates (`"${var.a}-x"`); nested objects inside resources stay maps, since telling a
 * nested block from a map attribute needs the provider schema (kind paths read both alike).
 */
export function convertJsonConfig(filePath: string, tree: TreeNode): HclFile {
  if (tree.kind !== 'map') throw new FileError('parse-failed', 'a .tf.json file must hold a JSON object', 1);
  const body: HclBody = { attributes: [], blocks: [] };
  for (const entry of tree.entries) {
    const labels = BLOCK_LABELS.get(entry.key);
    if (labels === undefined) continue;
    for (const object of objects(entry.value)) addBlocks(body, entry, object, labels, []);
  }
  return { path: filePath, body, comments: [] };
}

/** Converts the top-level attributes of a `.tfvars.json` file. */
export function convertJsonVars(filePath: string, tree: TreeNode): HclFile {
  if (tree.kind !== 'map')
    throw new FileError('parse-failed', 'a .tfvars.json file must hold a JSON object', 1);
  return { path: filePath, body: attributesOf(tree, false), comments: [] };
}

function objects(node: TreeNode): TreeNode[] {
  if (node.kind === 'seq') return node.items.filter((item) => item.kind === 'map');
  return node.kind === 'map' ? [node] : [];
}

function addBlocks(
  body: HclBody,
  typeEntry: MapEntry,
  node: TreeNode,
  remaining: number,
  labels: string[],
): void {
  if (node.kind !== 'map') return;
  if (remaining === 0) {
    body.blocks.push(blockOf(typeEntry, labels, node, typeEntry.key !== 'variable'));
    return;
  }
  for (const labelled of node.entries) {
    for (const inner of objects(labelled.value)) {
      if (remaining === 1) {
        const block = blockOf(typeEntry, [...labels, labelled.key], inner, typeEntry.key !== 'variable');
        block.headerRange = labelled.keyRange;
        block.range = spanOf(labelled.keyRange, inner.range);
        body.blocks.push(block);
      } else {
        addBlocks(body, typeEntry, inner, remaining - 1, [...labels, labelled.key]);
      }
    }
  }
}

function blockOf(typeEntry: MapEntry, labels: string[], node: TreeNode, templates: boolean): HclBlock {
  return {
    type: typeEntry.key,
    labels,
    range: node.range,
    headerRange: typeEntry.keyRange,
    body: node.kind === 'map' ? attributesOf(node, templates) : { attributes: [], blocks: [] },
  };
}

function attributesOf(node: TreeNode & { kind: 'map' }, templates: boolean): HclBody {
  return {
    attributes: node.entries
      .filter((e) => e.key !== '//')
      .map((e) => ({
        name: e.key,
        nameRange: e.keyRange,
        expr: expressionOf(e.value, templates, 0),
        range: spanOf(e.keyRange, e.value.range),
      })),
    blocks: [],
  };
}

function spanOf(start: Range, end: Range): Range {
  return {
    startLine: start.startLine,
    startColumn: start.startColumn,
    endLine: end.endLine,
    endColumn: end.endColumn,
  };
}

function expressionOf(node: TreeNode, templates: boolean, depth: number): Expr {
  if (depth > 256) return { t: 'opaque', range: node.range };
  switch (node.kind) {
    case 'map':
      return {
        t: 'object',
        items: node.entries
          .filter((e) => e.key !== '//')
          .map((e) => ({
            key: { t: 'literal', value: e.key, range: e.keyRange },
            value: expressionOf(e.value, templates, depth + 1),
          })),
        range: node.range,
      };
    case 'seq':
      return {
        t: 'tuple',
        items: node.items.map((item) => expressionOf(item, templates, depth + 1)),
        range: node.range,
      };
    case 'scalar':
      if (templates && typeof node.value === 'string' && /[$%]\{/.test(node.value))
        return templateOf(node.value, node.range);
      return { t: 'literal', value: node.value, range: node.range };
    case 'unknown':
      return { t: 'opaque', range: node.range };
  }
}

/** A JSON string with `${...}` is a template: parsed as a heredoc, every part at the string's range. */
function templateOf(text: string, range: Range): Expr {
  const marker = 'PALISADE_JSON_TEMPLATE_END';
  if (text.includes(marker)) return { t: 'opaque', range };
  try {
    const parsed = parseHcl('', `value = <<${marker}\n${text}\n${marker}\n`);
    const expr = parsed.body.attributes[0]?.expr;
    if (expr?.t !== 'template') return { t: 'opaque', range };
    const parts = dropFinalNewline(expr.parts);
    return placeAt({ t: 'template', parts, range }, range) as Expr;
  } catch {
    return { t: 'opaque', range };
  }
}

function dropFinalNewline(parts: TemplatePart[]): TemplatePart[] {
  const last = parts[parts.length - 1];
  if (last?.kind !== 'text' || !last.text.endsWith('\n')) return parts;
  const text = last.text.slice(0, -1);
  return text ? [...parts.slice(0, -1), { kind: 'text', text }] : parts.slice(0, -1);
}

/** Moves every range in a parsed template to the JSON string that held it. */
function placeAt(value: unknown, range: Range, depth = 0): unknown {
  if (depth > 512 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => placeAt(v, range, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value))
    out[key] = key === 'range' ? range : placeAt(v, range, depth + 1);
  return out;
}

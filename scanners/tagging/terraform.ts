import { LineIndex } from '../core/source.js';
import type { Expr, HclBlock } from '../terraform/ast.js';
import { parseHcl } from '../terraform/parser.js';
import {
  indentOf,
  indentUnit,
  lineEnding,
  lineStart,
  rangeEnd,
  rangeStart,
  startsLine,
  type TextEdit,
} from './edits.js';
import { terraformTagAttribute } from './taggable.js';
import { type FileTagPlan, isTraceKey, TRACE_TAG, type TraceIdSource } from './types.js';

/**
 * Plans trace tags for the resources of one native Terraform file: into a literal `tags = { … }` map, by
 * appending a map to `merge(…)`, by wrapping any other expression in `merge(<expr>, { … })`, or by adding
 * the attribute. Edits are insertions at the parser's ranges; everything else stays byte for byte.
 * Needs initTerraformParser(); throws FileError when the file does not parse.
 */
export function planTerraformTags(file: string, text: string, newId: TraceIdSource): FileTagPlan {
  const lines = new LineIndex(text);
  const hcl = parseHcl(file, text, lines);
  const context: Context = { text, lines, eol: lineEnding(text), unit: indentUnit(text), newId };
  const plan: FileTagPlan = { resources: [], edits: [] };
  for (const block of hcl.body.blocks) {
    if (block.type !== 'resource' || block.labels.length !== 2) continue;
    const [type, name] = block.labels as [string, string];
    const attribute = terraformTagAttribute(type);
    if (!attribute) continue;
    const address = `${type}.${name}`;
    const line = block.headerRange.startLine;
    const existing = block.body.attributes.find((a) => a.name === attribute);
    if (!existing) {
      plan.resources.push({ address, line, traced: false });
      plan.edits.push(...addAttribute(context, block, attribute));
      continue;
    }
    const traced = expressionHasTrace(existing.expr);
    plan.resources.push({ address, line, traced });
    if (!traced) plan.edits.push(...extendExpression(context, existing.expr));
  }
  return plan;
}

interface Context {
  text: string;
  lines: LineIndex;
  eol: string;
  unit: string;
  newId: TraceIdSource;
}

/** A literal map with a trace key, or a `merge(…)` one of whose arguments is one. */
function expressionHasTrace(expr: Expr): boolean {
  if (expr.t === 'object') return expr.items.some((item) => isTraceKey(keyText(item.key)));
  if (expr.t === 'call' && expr.name === 'merge') return expr.args.some(expressionHasTrace);
  return false;
}

/** The text of an object key: a bare identifier or a plain quoted string. */
function keyText(key: Expr): string | undefined {
  if (key.t === 'literal' && typeof key.value === 'string') return key.value;
  if (key.t === 'template' && key.parts.length === 1 && key.parts[0]?.kind === 'text')
    return key.parts[0].text;
  if (key.t === 'name') return key.name;
  return undefined;
}

function traceItem(context: Context): string {
  return `${TRACE_TAG} = "${context.newId()}"`;
}

/** Adds `tags = { palisade_trace = "…" }` as the block's last attribute. */
function addAttribute(context: Context, block: HclBlock, attribute: string): TextEdit[] {
  const { text, lines, eol, unit } = context;
  const blockEnd = rangeEnd(lines, block.range);
  const closing = text.lastIndexOf('}', blockEnd - 1);
  const headerEnd = rangeEnd(lines, block.headerRange);
  const blockIndent = indentOf(lines, rangeStart(lines, block.range));
  const first = [...block.body.attributes.map((a) => a.range), ...block.body.blocks.map((b) => b.range)].sort(
    (a, b) => a.startLine - b.startLine,
  )[0];
  const firstOffset = first ? rangeStart(lines, first) : undefined;
  const indent =
    firstOffset !== undefined && startsLine(lines, firstOffset)
      ? indentOf(lines, firstOffset)
      : blockIndent + unit;
  const attributeLines = `${indent}${attribute} = {${eol}${indent}${unit}${traceItem(context)}${eol}${indent}}`;
  if (startsLine(lines, closing)) {
    const at = lineStart(lines, closing);
    return [{ start: at, end: at, text: `${attributeLines}${eol}` }];
  }
  // The closing brace shares a line with content (`{}`, a one-line block): give the body lines of its own.
  const open =
    text[headerEnd - 1] === '{' ? headerEnd : text.indexOf('{', rangeStart(lines, block.range)) + 1;
  const inner = text.slice(open, closing);
  if (!inner.trim())
    return [{ start: open, end: closing, text: `${eol}${attributeLines}${eol}${blockIndent}` }];
  if (!inner.includes('\n'))
    return [
      {
        start: open,
        end: closing,
        text: `${eol}${indent}${inner.trim()}${eol}${attributeLines}${eol}${blockIndent}`,
      },
    ];
  const contentEnd = open + inner.trimEnd().length;
  return [{ start: contentEnd, end: closing, text: `${eol}${attributeLines}${eol}${blockIndent}` }];
}

/** Inserts the trace tag into a literal map, appends it to `merge(…)`, or wraps another expression. */
function extendExpression(context: Context, expr: Expr): TextEdit[] {
  const { lines } = context;
  if (expr.t === 'object') return insertIntoObject(context, expr);
  const start = rangeStart(lines, expr.range);
  const end = rangeEnd(lines, expr.range);
  const map = `{ ${traceItem(context)} }`;
  if (expr.t === 'call' && expr.name === 'merge' && expr.args.length && !expr.expandLast) {
    const last = expr.args.at(-1) as Expr;
    const at = rangeEnd(lines, last.range);
    return [{ start: at, end: at, text: `, ${map}` }];
  }
  return [
    { start, end: start, text: 'merge(' },
    { start: end, end, text: `, ${map})` },
  ];
}

function insertIntoObject(context: Context, expr: Extract<Expr, { t: 'object' }>): TextEdit[] {
  const { text, lines, eol, unit } = context;
  const open = rangeStart(lines, expr.range);
  const closing = text.lastIndexOf('}', rangeEnd(lines, expr.range) - 1);
  const last = expr.items.at(-1);
  const multiLine = text.slice(open, closing).includes('\n');
  if (!last) {
    if (multiLine && startsLine(lines, closing)) {
      const indent = indentOf(lines, closing) + unit;
      const at = lineStart(lines, closing);
      return [{ start: at, end: at, text: `${indent}${traceItem(context)}${eol}` }];
    }
    return [{ start: open + 1, end: closing, text: ` ${traceItem(context)} ` }];
  }
  const keyStart = rangeStart(lines, last.key.range);
  const valueEnd = rangeEnd(lines, last.value.range);
  if (!multiLine) {
    const between = text.slice(valueEnd, closing);
    return between.includes(',')
      ? [
          {
            start: valueEnd + between.indexOf(',') + 1,
            end: valueEnd + between.indexOf(',') + 1,
            text: ` ${traceItem(context)}`,
          },
        ]
      : [{ start: valueEnd, end: valueEnd, text: `, ${traceItem(context)}` }];
  }
  const indent = startsLine(lines, keyStart) ? indentOf(lines, keyStart) : indentOf(lines, closing) + unit;
  const item = alignedItem(context, last.key.range, last.value.range);
  if (startsLine(lines, closing)) {
    const at = lineStart(lines, closing);
    return [{ start: at, end: at, text: `${indent}${item}${eol}` }];
  }
  return [{ start: valueEnd, end: valueEnd, text: `${eol}${indent}${item}` }];
}

/** `palisade_trace = "…"`, with `=` lined up with the previous item's when `terraform fmt` aligned them. */
function alignedItem(context: Context, keyRange: Expr['range'], valueRange: Expr['range']): string {
  const { text, lines } = context;
  const keyStart = rangeStart(lines, keyRange);
  const separatorText = text.slice(rangeEnd(lines, keyRange), rangeStart(lines, valueRange));
  const separatorAt = separatorText.search(/[=:]/);
  const separator = separatorAt === -1 ? '=' : (separatorText[separatorAt] as string);
  const id = context.newId();
  if (separatorAt === -1) return `${TRACE_TAG} ${separator} "${id}"`;
  const column = rangeEnd(lines, keyRange) + separatorAt - keyStart;
  const padding = Math.max(1, column - TRACE_TAG.length);
  return `${TRACE_TAG}${' '.repeat(padding)}${separator} "${id}"`;
}

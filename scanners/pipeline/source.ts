import type { LineIndex } from '../core/source.js';
import type { Range } from '../core/types.js';
import { type Attr, explicit, unresolvable } from '../model/attr.js';
import type { PipelineVariable, ScriptBlock, ScriptLine } from '../model/pipeline.js';
import type { MapNode, TreeNode } from '../parsers/tree.js';

/** A scalar node as a string Attr (numbers and booleans as written); maps and sequences are unresolvable. */
export function stringAttr(node: TreeNode | undefined, range: Range, path: string): Attr<string> {
  if (node?.kind === 'scalar' && node.value !== null) return explicit(String(node.value), node.range, path);
  return unresolvable(node?.range ?? range, path);
}

/** The scalar text of a node, or undefined. */
export function text(node: TreeNode | undefined): string | undefined {
  return node?.kind === 'scalar' && node.value !== null ? String(node.value) : undefined;
}

/** A map node, or undefined. */
export function asMap(node: TreeNode | undefined): MapNode | undefined {
  return node?.kind === 'map' ? node : undefined;
}

/** The items of a sequence, a single node as one item, nothing for absent nodes. */
export function items(node: TreeNode | undefined): TreeNode[] {
  if (!node) return [];
  if (node.kind === 'seq') return node.items;
  if (node.kind === 'scalar' && node.value === null) return [];
  return [node];
}

/** The range of the first key of a map (the step's or job's "header"), else the node's own range. */
export function headerOf(node: TreeNode, keyRange?: Range): Range {
  if (keyRange) return keyRange;
  if (node.kind === 'map' && node.entries[0]) return node.entries[0].keyRange;
  return node.range;
}

/** Variables of an `env:` / `variables:` map (GitHub, GitLab, Azure map form). */
export function variablesOf(node: TreeNode | undefined, pathPrefix: string): PipelineVariable[] {
  const map = asMap(node);
  if (!map) return [];
  return map.entries.map((e) => {
    const value = asMap(e.value)
      ? (e.value as MapNode).entries.find((v) => v.key === 'value')?.value
      : e.value;
    return {
      name: e.key,
      value: stringAttr(value, e.keyRange, `${pathPrefix}.${e.key}`),
      keyRange: e.keyRange,
    };
  });
}

/**
 * The lines of a scalar as they sit in the file. Block scalars (`|`, `>`) lose their indentation; each
 * line keeps its file line and column, so a finding inside a 40-line script points at its own line.
 */
export function scriptBlock(
  node: TreeNode | undefined,
  lines: LineIndex,
  shell?: string,
): ScriptBlock | undefined {
  if (node?.kind !== 'scalar' || node.value === null) return undefined;
  const value = String(node.value);
  const { startLine, startColumn, endLine, endColumn } = node.range;
  const first = lines.line(startLine);
  const indicator = first.slice(startColumn - 1).trimStart()[0];
  const result: ScriptLine[] = [];
  if (indicator === '|' || indicator === '>') {
    let blockIndent = -1;
    for (let line = startLine + 1; line <= Math.min(endLine, lines.lineCount); line++) {
      const raw = lines.line(line);
      if (!raw.trim()) {
        result.push({ text: '', line, column: 1 });
        continue;
      }
      const indent = raw.length - raw.trimStart().length;
      if (blockIndent === -1) blockIndent = indent;
      if (indent < blockIndent) break;
      result.push({ text: raw.slice(blockIndent), line, column: blockIndent + 1 });
    }
    while (result.length && !result[result.length - 1]?.text) result.pop();
  } else {
    const quote = indicator === '"' || indicator === "'" ? indicator : undefined;
    for (let line = startLine; line <= endLine; line++) {
      const raw = lines.line(line);
      let from = line === startLine ? startColumn - 1 : raw.length - raw.trimStart().length;
      let to = line === endLine ? endColumn - 1 : raw.length;
      if (quote && line === startLine) from++;
      if (quote && line === endLine && raw[to - 1] === quote) to--;
      result.push({ text: raw.slice(from, Math.max(from, to)), line, column: from + 1 });
    }
  }
  return { value, lines: result, range: node.range, shell };
}

/** The block's lines joined by newlines, with a map from an offset in that text to the file position. */
export function joinedBlock(block: ScriptBlock): {
  text: string;
  position(offset: number): { line: number; column: number };
} {
  const starts: number[] = [];
  let text = '';
  for (const line of block.lines) {
    starts.push(text.length);
    text += `${line.text}\n`;
  }
  return {
    text,
    position(offset) {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if ((starts[mid] ?? 0) <= offset) low = mid;
        else high = mid - 1;
      }
      const line = block.lines[low];
      if (!line) return { line: block.range.startLine, column: block.range.startColumn };
      return { line: line.line, column: line.column + (offset - (starts[low] ?? 0)) };
    },
  };
}

/** A range inside a block, from offsets into its joined text. */
export function rangeInBlock(joined: ReturnType<typeof joinedBlock>, start: number, end: number): Range {
  const from = joined.position(start);
  const to = joined.position(Math.max(start, end));
  return { startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column };
}

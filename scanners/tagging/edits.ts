import { LineIndex } from '../core/source.js';
import type { Range } from '../core/types.js';

/** A text replacement at UTF-16 offsets [start, end): an insertion when they are equal. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** The offset where a parser's 1-based range starts. */
export function rangeStart(lines: LineIndex, range: Range): number {
  return lines.offset(range.startLine, range.startColumn);
}

/** The offset where a parser's 1-based range ends. */
export function rangeEnd(lines: LineIndex, range: Range): number {
  return lines.offset(range.endLine, range.endColumn);
}

/** The offset where the line holding an offset starts. */
export function lineStart(lines: LineIndex, offset: number): number {
  return offset - lines.position(offset).column + 1;
}

/** The whitespace the line holding an offset starts with. */
export function indentOf(lines: LineIndex, offset: number): string {
  return /^[ \t]*/.exec(lines.text.slice(lineStart(lines, offset)))?.[0] ?? '';
}

/** True when only spaces and tabs stand between the start of its line and the offset. */
export function startsLine(lines: LineIndex, offset: number): boolean {
  return /^[ \t]*$/.test(lines.text.slice(lineStart(lines, offset), offset));
}

/** The line ending the file already uses, so inserted lines match it. */
export function lineEnding(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** One indentation step, guessed from the file: a tab, or the smallest indentation of spaces (default two). */
export function indentUnit(text: string): string {
  if (/^\t/m.test(text) && !/^ {2}/m.test(text)) return '\t';
  let smallest = 0;
  for (const match of text.matchAll(/^( +)\S/gm)) {
    const width = match[1]!.length;
    if (!smallest || width < smallest) smallest = width;
    if (smallest === 1) break;
  }
  return ' '.repeat(smallest >= 2 && smallest <= 8 ? smallest : 2);
}

/** Applies non-overlapping edits (in any order). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) throw new Error('overlapping edits');
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

const CONTEXT_LINES = 3;

/**
 * A unified diff (`diff -u` style, with `a/` and `b/` prefixes as git writes them) of the edits applied to
 * a file. Built from the edits themselves, so it is exact without a general diff algorithm.
 */
export function unifiedDiff(file: string, text: string, edits: TextEdit[]): string {
  if (!edits.length) return '';
  const oldLines = splitLines(text);
  // A final line break ends the last line; it does not start another.
  if (text.endsWith('\n')) oldLines.pop();
  const changes = lineChanges(text, edits, new LineIndex(text), oldLines);
  // Changes closer than twice the context share a hunk.
  const hunks: Array<typeof changes> = [];
  for (const change of changes) {
    const hunk = hunks.at(-1);
    const previous = hunk?.at(-1);
    if (hunk && previous && change.first - previous.last <= 2 * CONTEXT_LINES + 1) hunk.push(change);
    else hunks.push([change]);
  }
  let out = `--- a/${file}\n+++ b/${file}\n`;
  let shift = 0;
  for (const hunk of hunks) {
    const first = hunk[0]!;
    const last = hunk.at(-1)!;
    const oldStart = Math.max(1, first.first - CONTEXT_LINES);
    const oldEnd = Math.min(oldLines.length, last.last + CONTEXT_LINES);
    let body = '';
    let newCount = 0;
    let line = oldStart;
    for (const change of hunk) {
      for (; line < change.first; line++, newCount++) body += ` ${oldLines[line - 1] ?? ''}\n`;
      for (; line <= change.last; line++) body += `-${oldLines[line - 1] ?? ''}\n`;
      for (const added of change.added) body += `+${added}\n`;
      newCount += change.added.length;
    }
    for (; line <= oldEnd; line++, newCount++) body += ` ${oldLines[line - 1]}\n`;
    const oldCount = oldEnd - oldStart + 1;
    out += `@@ -${oldStart},${oldCount} +${oldStart + shift},${newCount} @@\n${body}`;
    shift += newCount - oldCount;
  }
  return out;
}

interface LineChange {
  /** Old lines first..last are replaced (none when last < first: an insertion before line `first`). */
  first: number;
  last: number;
  added: string[];
}

/**
 * The changes of the edits: insertions of whole lines (at a line start, ending with a line break; or at a
 * line end, starting with one) as pure additions, the way a person would write the diff; other edits as
 * the old lines they touch, replaced. When two changes would touch one line, every edit is treated the
 * second way, which is always exact.
 */
function lineChanges(text: string, edits: TextEdit[], lines: LineIndex, oldLines: string[]): LineChange[] {
  const changes: LineChange[] = [];
  const others: TextEdit[] = [];
  for (const edit of edits) {
    const line = lines.position(edit.start).line;
    const atLineStart = lines.offset(line, 1) === edit.start;
    const atLineEnd = text[edit.start] === '\n' || text.startsWith('\r\n', edit.start);
    if (edit.start === edit.end && atLineStart && edit.text.endsWith('\n')) {
      changes.push({ first: line, last: line - 1, added: splitLines(edit.text.replace(/\r?\n$/, '')) });
    } else if (edit.start === edit.end && atLineEnd && /^\r?\n/.test(edit.text)) {
      changes.push({ first: line + 1, last: line, added: splitLines(edit.text.replace(/^\r?\n/, '')) });
    } else others.push(edit);
  }
  changes.push(...replacedLines(text, others, lines, oldLines));
  changes.sort((a, b) => a.first - b.first || a.last - b.last);
  for (let i = 1; i < changes.length; i++) {
    const previous = changes[i - 1]!;
    const change = changes[i]!;
    if (change.first <= previous.last || change.first === previous.first)
      return replacedLines(text, edits, lines, oldLines);
  }
  return changes;
}

/** Each edit replaces the old lines it touches; edits sharing a line join. */
function replacedLines(text: string, edits: TextEdit[], lines: LineIndex, oldLines: string[]): LineChange[] {
  const segments: Array<{ first: number; last: number; edits: TextEdit[] }> = [];
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    const first = lines.position(edit.start).line;
    const last = lines.position(edit.end).line;
    const previous = segments.at(-1);
    if (previous && first <= previous.last) {
      previous.last = Math.max(previous.last, last);
      previous.edits.push(edit);
    } else segments.push({ first, last, edits: [edit] });
  }
  return segments.map((segment) => {
    const start = lines.offset(segment.first, 1);
    const end = lines.offset(segment.last, 1) + (oldLines[segment.last - 1]?.length ?? 0);
    const replaced = applyEdits(
      text.slice(start, end),
      segment.edits.map((e) => ({ start: e.start - start, end: e.end - start, text: e.text })),
    );
    return { first: segment.first, last: segment.last, added: splitLines(replaced) };
  });
}

function splitLines(text: string): string[] {
  return text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

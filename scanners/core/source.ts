import type { Range } from './types.js';

/** Maps byte offsets in a text to 1-based lines and columns. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.lineStarts[low] ?? 0) + 1 };
  }

  /** The offset of a 1-based line and column (the inverse of position); past the last line, from the text's end. */
  offset(line: number, column: number): number {
    return (this.lineStarts[line - 1] ?? this.text.length) + column - 1;
  }

  /** The range covering offsets [start, end). */
  range(start: number, end: number): Range {
    const from = this.position(start);
    const to = this.position(Math.max(start, end));
    return { startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column };
  }

  /** The text of a 1-based line, without its newline. */
  line(lineNumber: number): string {
    const start = this.lineStarts[lineNumber - 1];
    if (start === undefined) return '';
    const next = this.lineStarts[lineNumber];
    const end = next === undefined ? this.text.length : next - 1;
    return this.text.slice(start, end).replace(/\r$/, '');
  }
}

/** A range covering one whole line. */
export function lineRange(line: number, text = ''): Range {
  return { startLine: line, startColumn: 1, endLine: line, endColumn: text.length + 1 };
}

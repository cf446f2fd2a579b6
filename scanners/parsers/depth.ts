import { FileError } from '../core/errors.js';
import { LineIndex } from '../core/source.js';

/** Deeper than any real template; deeper input is hostile and would overflow recursive parsers. */
export const MAX_NESTING_DEPTH = 256;

/**
 * Rejects JSON or YAML flow collections nested deeper than the limit, before a recursive parser sees them.
 * Brackets inside quoted strings are ignored.
 */
export function assertNestingDepth(text: string, limit = MAX_NESTING_DEPTH): void {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (quote) {
      if (ch === 92 /* \ */ && quote === '"') i++;
      else if (ch === quote.charCodeAt(0)) quote = '';
      continue;
    }
    if (ch === 34 /* " */) quote = '"';
    else if (ch === 123 /* { */ || ch === 91 /* [ */) {
      if (++depth > limit) {
        const { line } = new LineIndex(text).position(i);
        throw new FileError(
          'too-deep',
          `nesting is deeper than ${limit} levels`,
          line,
          'This file is not a template Palisade can check; exclude it if it is generated data.',
        );
      }
    } else if (ch === 125 /* } */ || ch === 93 /* ] */) depth = Math.max(0, depth - 1);
  }
}

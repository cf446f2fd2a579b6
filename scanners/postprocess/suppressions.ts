import type { TextSource } from '../core/code-units.js';
import type { LineIndex } from '../core/source.js';
import type { Range, Suppression } from '../core/types.js';

/** An inline `palisade:ignore RULE-ID[,RULE-ID] reason [until=YYYY-MM-DD]` directive. */
export interface Directive {
  ruleIds: string[];
  justification: string;
  until?: string;
  /** Where the directive is written. */
  line: number;
  column: number;
  /** The line it applies to: its own line, or for a comment on a line of its own, the next code line. */
  targetLine: number;
}

const MARKER = 'palisade:ignore';
const DIRECTIVE = /palisade:ignore[ \t]+([A-Za-z0-9_*-]+(?:[ \t]*,[ \t]*[A-Za-z0-9_*-]+)*)([^\n]*)/g;
const UNTIL = /\buntil=(\d{4}-\d{2}-\d{2})\b/;
/** What may stand before the marker on a comment-only line. */
const COMMENT_ONLY_PREFIX = /^\s*(#+|\/\/+|\/\*+|\*|<!--|--|;+|REM\b)?\s*$/i;
/** Comment closers trailing the justification. */
const TRAILING_CLOSER = /\s*(\*\/|-->)\s*$/;

/** False when a text holds no suppression marker (then parseDirectives finds none). */
export function mayHoldDirectives(text: TextSource): boolean {
  return text.indexOf(MARKER) !== -1;
}

/** Finds the suppression directives in a file's text. */
export function parseDirectives(text: string, lines: LineIndex): Directive[] {
  if (!mayHoldDirectives(text)) return [];
  const directives: Directive[] = [];
  for (const match of text.matchAll(DIRECTIVE)) {
    const { line, column } = lines.position(match.index);
    const lineText = lines.line(line);
    const before = lineText.slice(0, column - 1);
    const rest = (match[2] ?? '').replace(TRAILING_CLOSER, '');
    const until = UNTIL.exec(rest)?.[1];
    const justification = rest.replace(UNTIL, '').trim();
    const commentOnly = COMMENT_ONLY_PREFIX.test(before);
    directives.push({
      ruleIds: (match[1] ?? '').split(',').map((id) => id.trim()),
      justification,
      until,
      line,
      column,
      targetLine: commentOnly ? nextCodeLine(lines, line) : line,
    });
  }
  return directives;
}

function nextCodeLine(lines: LineIndex, after: number): number {
  for (let line = after + 1; line <= lines.lineCount; line++) {
    const text = lines.line(line).trim();
    if (text && !/^(#|\/\/|\/\*|\*|<!--|--|;)/.test(text)) return line;
  }
  return after + 1;
}

/** True when a directive names this rule (`*` matches every rule). */
function names(directive: Directive, ruleId: string): boolean {
  return directive.ruleIds.some((id) => id === ruleId || id === '*');
}

/**
 * The directive that suppresses a finding: one aimed at the finding's line, or at the first line of the
 * resource or block that contains it.
 */
export function findDirective(
  directives: Directive[],
  ruleId: string,
  location: Range,
  resourceRange?: Range,
): Directive | undefined {
  return directives.find(
    (d) =>
      names(d, ruleId) &&
      (d.targetLine === location.startLine ||
        (resourceRange !== undefined && d.targetLine === resourceRange.startLine) ||
        (resourceRange !== undefined && d.line === resourceRange.startLine)),
  );
}

/** True when the directive's `until` date has passed. */
export function isExpired(directive: Directive, today: string): boolean {
  return directive.until !== undefined && directive.until < today;
}

/** The Suppression recorded on a finding. */
export function toSuppression(directive: Directive, file: string): Suppression {
  return {
    kind: 'inline',
    justification: directive.justification || 'no reason given',
    until: directive.until,
    location: {
      file,
      startLine: directive.line,
      startColumn: directive.column,
      endLine: directive.line,
      endColumn: directive.column + MARKER.length,
    },
  };
}

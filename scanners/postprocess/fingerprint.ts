import { createHash } from 'node:crypto';
import type { LineIndex } from '../core/source.js';
import type { Finding, RedactedSecret } from '../core/types.js';

/**
 * A fingerprint from what a finding is about (rule, file, resource, attribute or secret hash, and
 * the occurrence among identical keys), never from line numbers, so it survives moves and unrelated edits.
 */
export function fingerprint(parts: {
  ruleId: string;
  file: string;
  resource?: string;
  key?: string;
  occurrence: number;
}): string {
  const material = [
    'v1',
    parts.ruleId,
    parts.file,
    parts.resource ?? '',
    parts.key ?? '',
    String(parts.occurrence),
  ];
  return createHash('sha256').update(material.join('\u0000')).digest('hex');
}

/** SHA-256 and a preview of at most 4 leading characters (fewer for short values). */
export function redactSecret(value: string): RedactedSecret {
  const previewLength = Math.max(0, Math.min(4, Math.floor(value.length / 4)));
  return { sha256: createHash('sha256').update(value).digest('hex'), preview: value.slice(0, previewLength) };
}

/** Replaces a secret inside a line with its preview and asterisks. */
export function maskInLine(line: string, startColumn: number, endColumn: number, preview: string): string {
  const start = Math.max(0, startColumn - 1);
  const end = Math.max(start, endColumn - 1);
  const hidden = end - start;
  return `${line.slice(0, start)}${preview}${'*'.repeat(Math.max(4, Math.min(hidden - preview.length, 16)))}${line.slice(end)}`;
}

/** Sets the finding's snippet: its source lines (at most 3), with any secret masked. */
export function attachSnippet(
  finding: Pick<Finding, 'location' | 'snippet' | 'secret'>,
  lines: LineIndex,
): void {
  const { startLine, endLine, startColumn, endColumn } = finding.location;
  if (finding.secret) {
    const line = lines.line(startLine);
    const end = endLine === startLine ? endColumn : line.length + 1;
    finding.snippet = truncate(maskInLine(line, startColumn, end, finding.secret.preview));
    return;
  }
  const last = Math.min(endLine, startLine + 2);
  const text: string[] = [];
  for (let n = startLine; n <= last; n++) text.push(truncate(lines.line(n)));
  finding.snippet = text.join('\n');
}

/** Minified files have huge lines: keep snippets short. */
function truncate(line: string): string {
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

/**
 * The sticky pull request comment: one comment per pull request, found by a hidden marker and edited in
 * place on every push. It carries the previous run's findings (fingerprint, rule, severity, place) as a
 * compressed state block, so the next run can tell new findings from fixed ones without any storage.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import {
  activeFindings,
  type Finding,
  type ScanResult,
  SEVERITIES,
  SEVERITY_RANK,
  type Severity,
} from '../../core/types.js';
import { escapeCell, renderMarkdown } from '../../reporters/markdown.js';

export const STICKY_MARKER = '<!-- palisade:sticky -->';
const STATE_PREFIX = '<!-- palisade:state ';
const STATE_SUFFIX = ' -->';
/** GitHub rejects comment bodies over 65,536 characters. */
export const MAX_COMMENT_CHARS = 65_536;
/** Room for the state block; the visible report gets the rest. */
const MAX_STATE_CHARS = 24_000;
/** Decompressed state larger than this is not ours (or hostile): ignored. */
const MAX_STATE_BYTES = 2 * 1024 * 1024;
const MAX_ROWS = 50;
/** The first 16 hex digits of a fingerprint: 64 bits, plenty to tell one pull request's findings apart. */
const SHORT_FINGERPRINT = 16;

export interface TrackedFinding {
  fingerprint: string;
  ruleId: string;
  severity: Severity;
  file: string;
  line: number;
}

export interface CommentState {
  /** Active findings of that run; `tracked` may hold fewer when the state had to be cut to fit. */
  total: number;
  tracked: TrackedFinding[];
}

export function track(finding: Finding): TrackedFinding {
  return {
    fingerprint: finding.fingerprint.slice(0, SHORT_FINGERPRINT),
    ruleId: finding.ruleId,
    severity: finding.severity,
    file: finding.location.file,
    line: finding.location.startLine,
  };
}

/** Base64 of deflated JSON: file names from the pull request can never break out of the HTML comment. */
export function encodeState(findings: Finding[]): string {
  const all = [...findings].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]).map(track);
  const encode = (tracked: TrackedFinding[]) => {
    const rows = tracked.map((t) => [t.fingerprint, t.ruleId, t.severity, t.file, t.line]);
    const json = JSON.stringify({ v: 1, total: findings.length, tracked: rows });
    return deflateRawSync(Buffer.from(json, 'utf8'), { level: 9 }).toString('base64');
  };
  let count = all.length;
  let encoded = encode(all);
  // Keep the most severe findings when the whole list does not fit.
  while (encoded.length > MAX_STATE_CHARS && count > 0) {
    count = Math.floor((count * MAX_STATE_CHARS) / encoded.length / 1.1);
    encoded = encode(all.slice(0, count));
  }
  return `${STATE_PREFIX}${encoded}${STATE_SUFFIX}`;
}

/** Reads the state block of a previous comment; anything malformed reads as no state. */
export function decodeState(body: string): CommentState | undefined {
  const start = body.lastIndexOf(STATE_PREFIX);
  if (start < 0) return undefined;
  const end = body.indexOf(STATE_SUFFIX, start + STATE_PREFIX.length);
  const encoded = body.slice(start + STATE_PREFIX.length, end < 0 ? undefined : end);
  if (end < 0 || encoded.length > MAX_STATE_CHARS * 2 || !/^[A-Za-z0-9+/]*={0,2}$/.test(encoded))
    return undefined;
  try {
    const json = inflateRawSync(Buffer.from(encoded, 'base64'), { maxOutputLength: MAX_STATE_BYTES });
    const parsed: unknown = JSON.parse(json.toString('utf8'));
    if (!parsed || typeof parsed !== 'object') return undefined;
    const { v, total, tracked } = parsed as { v?: unknown; total?: unknown; tracked?: unknown };
    if (v !== 1 || !Number.isSafeInteger(total) || !Array.isArray(tracked)) return undefined;
    const rows: TrackedFinding[] = [];
    for (const row of tracked) {
      if (!Array.isArray(row) || row.length !== 5) return undefined;
      const [fingerprint, ruleId, severity, file, line] = row as unknown[];
      if (
        typeof fingerprint !== 'string' ||
        typeof ruleId !== 'string' ||
        typeof file !== 'string' ||
        !Number.isSafeInteger(line) ||
        !(SEVERITIES as readonly unknown[]).includes(severity)
      )
        return undefined;
      rows.push({ fingerprint, ruleId, severity: severity as Severity, file, line: line as number });
    }
    return { total: total as number, tracked: rows };
  } catch {
    return undefined;
  }
}

export interface Comparison {
  /** Current findings not in the previous comment (all of them on the first run). */
  added: Finding[];
  /** Previous findings no longer reported. */
  fixed: TrackedFinding[];
  /** True when there was no previous comment to compare with. */
  first: boolean;
  /** True when the previous state held only part of its findings (the comparison is approximate). */
  partial: boolean;
}

export function compare(findings: Finding[], previous: CommentState | undefined): Comparison {
  if (!previous) return { added: findings, fixed: [], first: true, partial: false };
  const before = new Set(previous.tracked.map((t) => t.fingerprint));
  const now = new Set(findings.map((f) => f.fingerprint.slice(0, SHORT_FINGERPRINT)));
  return {
    added: findings.filter((f) => !before.has(f.fingerprint.slice(0, SHORT_FINGERPRINT))),
    fixed: previous.tracked.filter((t) => !now.has(t.fingerprint)),
    first: false,
    partial: previous.tracked.length < previous.total,
  };
}

export interface CommentContext {
  /** Links findings to the head commit: `https://github.com/o/r/blob/<sha>/`. */
  blobUrl?: string;
  runUrl?: string;
  note?: string;
}

/** The whole comment: marker, verdict, severity table, new and fixed findings, details, state. */
export function renderComment(
  result: ScanResult,
  previous: CommentState | undefined,
  context: CommentContext = {},
): string {
  const active = activeFindings(result);
  const comparison = compare(active, previous);
  const state = encodeState(active);
  const head = [STICKY_MARKER, headline(result, active, comparison), severityTable(active, comparison)];
  if (context.note) head.push(context.note);
  const tail = [footer(result, context), state];
  const fixed = fixedSection(comparison);
  const added = addedSection(comparison, context);
  const fixedAndAdded = [added, fixed].filter(Boolean).join('\n\n');
  const fixedSize = [...head, fixedAndAdded, ...tail].join('\n\n').length;
  // The full report goes inside a collapsed block with whatever room is left.
  const room = MAX_COMMENT_CHARS - fixedSize - 200;
  const details =
    room > 2_000
      ? [
          '<details>',
          `<summary>Full report (${active.length} active findings)</summary>`,
          '',
          renderMarkdown(result, { maxBytes: room }).replace(/^## .*\n/, ''),
          '</details>',
        ].join('\n')
      : '';
  return [...head, fixedAndAdded, details, ...tail].filter(Boolean).join('\n\n');
}

function headline(result: ScanResult, active: Finding[], comparison: Comparison): string {
  const title = `## Palisade: ${active.length === 0 ? 'no findings' : `${active.length} finding${active.length === 1 ? '' : 's'}`}`;
  const parts: string[] = [];
  if (comparison.first) parts.push('first scan of this pull request');
  else parts.push(`${comparison.added.length} new`, `${comparison.fixed.length} fixed since the last push`);
  if (result.diff) parts.push(`on lines changed since \`${result.diff.mergeBase.slice(0, 12)}\``);
  if (result.failOn !== 'none') {
    const failing = active.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[result.failOn as Severity]);
    parts.push(`**${failing ? 'failed' : 'passed'}** (fails on ${result.failOn} or above)`);
  }
  const approximate = comparison.partial
    ? '\n\n_The previous comment tracked only its most severe findings: new and fixed counts are approximate._'
    : '';
  return `${title}\n\n${parts.join(' · ')}${approximate}`;
}

function severityTable(active: Finding[], comparison: Comparison): string {
  const count = (list: Array<{ severity: Severity }>, severity: Severity) =>
    list.filter((f) => f.severity === severity).length;
  return [
    '| Severity | Findings | New | Fixed |',
    '| --- | ---: | ---: | ---: |',
    ...SEVERITIES.map(
      (s) =>
        `| ${s.charAt(0).toUpperCase()}${s.slice(1)} | ${count(active, s)} | ${count(comparison.added, s)} | ${count(comparison.fixed, s)} |`,
    ),
  ].join('\n');
}

function addedSection(comparison: Comparison, context: CommentContext): string {
  if (!comparison.added.length) return '';
  const sorted = [...comparison.added].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
  const rows = sorted.slice(0, MAX_ROWS).map((f) => {
    const where = `${f.location.file}#L${f.location.startLine}`;
    const place = context.blobUrl
      ? `[${escapeCell(where)}](${context.blobUrl}${encodePath(f.location.file)}#L${f.location.startLine})`
      : escapeCell(where);
    return `| ${f.severity} | ${escapeCell(f.ruleId)} | ${place} | ${escapeCell(truncate(f.message || f.title, 300))} |`;
  });
  const more = sorted.length - rows.length;
  return [
    '<details open>',
    `<summary>${comparison.first ? 'Findings' : 'New findings'} (${sorted.length})</summary>`,
    '',
    '| Severity | Rule | Location | Message |',
    '| --- | --- | --- | --- |',
    ...rows,
    more > 0 ? `\n…and ${more} more (see the full report and the job summary)` : '',
    '</details>',
  ].join('\n');
}

function fixedSection(comparison: Comparison): string {
  if (!comparison.fixed.length) return '';
  const rows = comparison.fixed
    .slice(0, MAX_ROWS)
    .map((t) => `| ${t.severity} | ${escapeCell(t.ruleId)} | ${escapeCell(`${t.file}#L${t.line}`)} |`);
  const more = comparison.fixed.length - rows.length;
  return [
    '<details>',
    `<summary>Fixed since the last push (${comparison.fixed.length})</summary>`,
    '',
    '| Severity | Rule | Was at |',
    '| --- | --- | --- |',
    ...rows,
    more > 0 ? `\n…and ${more} more` : '',
    '</details>',
  ].join('\n');
}

function footer(result: ScanResult, context: CommentContext): string {
  const run = context.runUrl ? ` · [workflow run](${context.runUrl})` : '';
  return `<sub>Palisade ${escapeCell(result.tool.version)} · this comment is updated on every push${run}</sub>`;
}

function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Percent-encodes each path segment for a blob link. */
function encodePath(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/** Markdown for pull request comments and CI job summaries, capped in size. */
import { activeFindings, type Finding, type ScanResult, SEVERITIES, shouldFail } from '../core/types.js';
import {
  compareBySeverity,
  countBySeverity,
  formatDuration,
  httpUrl,
  plural,
  revealInvisible,
  ruleCatalog,
  scrubResult,
  severityLabel,
  truncate,
} from './shared.js';
import type { Reporter, ReportOptions } from './types.js';

/** Below GitHub's 65,536-character comment limit, with room for a wrapper the caller may add. */
export const DEFAULT_MAX_BYTES = 60_000;
const MAX_MESSAGE_CHARS = 500;
const MAX_REMEDIATION_CHARS = 2_000;
const MAX_ERRORS_LISTED = 20;

/**
 * Renders a Markdown summary: counts, the most severe active findings as a table, remediation per rule
 * and scan errors. Rows are dropped from the end until the output fits `maxBytes` (UTF-8), and a final
 * line says how many findings are not shown.
 */
export function renderMarkdown(input: ScanResult, options: ReportOptions = {}): string {
  const result = scrubResult(input);
  const maxBytes = Math.max(0, options.maxBytes ?? DEFAULT_MAX_BYTES);
  const active = activeFindings(result).sort(compareBySeverity);
  const candidates = active.slice(0, Math.max(0, options.maxFindings ?? active.length));
  const assemble = (shown: number): string => assembleDocument(result, active, candidates.slice(0, shown));

  let shown = candidates.length;
  if (byteLength(assemble(shown)) > maxBytes) {
    // Size grows with every row, so binary search for the most rows that fit.
    let low = 0;
    let high = candidates.length - 1;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (byteLength(assemble(mid)) <= maxBytes) low = mid;
      else high = mid - 1;
    }
    shown = low;
  }
  const document = assemble(shown);
  return byteLength(document) <= maxBytes ? document : truncateBytes(document, maxBytes);
}

function assembleDocument(result: ScanResult, active: Finding[], shown: Finding[]): string {
  const sections = [heading(result, active), severityTable(active), countsLine(result, active)];
  if (shown.length > 0) {
    sections.push(findingsTable(shown));
    sections.push(remediation(result, shown));
  } else if (active.length === 0) {
    sections.push('No active findings.');
  }
  if (result.errors.length > 0) sections.push(errorList(result));
  const hidden = active.length - shown.length;
  if (hidden > 0) sections.push(`…and ${plural(hidden, 'more finding')} not shown`);
  return `${sections.join('\n\n')}\n`;
}

function heading(result: ScanResult, active: Finding[]): string {
  const lines = [
    `## Palisade scan: ${active.length === 0 ? 'no findings' : plural(active.length, 'finding')}`,
  ];
  if (result.failOn !== 'none') {
    const verdict = shouldFail(result) ? 'failed' : 'passed';
    lines.push('', `**Result:** ${verdict} (fails on ${result.failOn} or above)`);
  }
  return lines.join('\n');
}

function severityTable(active: Finding[]): string {
  const counts = countBySeverity(active);
  return [
    '| Severity | Findings |',
    '| --- | ---: |',
    ...SEVERITIES.map((s) => `| ${severityLabel(s)} | ${counts[s]} |`),
  ].join('\n');
}

function countsLine(result: ScanResult, active: Finding[]): string {
  const parts = [
    `Suppressed: ${result.findings.length - active.length}`,
    `Hidden by baseline: ${result.stats.baselineHidden}`,
  ];
  if (result.diff) parts.push(`Outside the diff: ${result.stats.outsideDiff}`);
  parts.push(
    `Files scanned: ${result.stats.filesScanned}`,
    `Duration: ${formatDuration(result.stats.durationMs)}`,
  );
  return parts.join(' · ');
}

function findingsTable(shown: Finding[]): string {
  const rows = shown.map((finding) => {
    const { file, startLine, endLine } = finding.location;
    const lines = endLine > startLine ? `#L${startLine}-L${endLine}` : `#L${startLine}`;
    const message = truncate(finding.message || finding.title, MAX_MESSAGE_CHARS);
    return `| ${severityLabel(finding.severity)} | ${escapeCell(finding.ruleId)} | ${escapeCell(`${file}${lines}`)} | ${escapeCell(message)} |`;
  });
  return [
    '### Findings',
    '',
    '| Severity | Rule | Location | Message |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** One collapsible block per rule among the shown findings, in order of first appearance. */
function remediation(result: ScanResult, shown: Finding[]): string {
  const catalog = ruleCatalog(result);
  const blocks: string[] = ['### Remediation'];
  const seen = new Set<string>();
  for (const finding of shown) {
    if (seen.has(finding.ruleId)) continue;
    seen.add(finding.ruleId);
    const rule = catalog.get(finding.ruleId);
    const text = rule?.remediation || finding.remediation;
    const helpUri = httpUrl(rule?.helpUri || finding.helpUri);
    const body = [text ? escapeBlock(truncate(text, MAX_REMEDIATION_CHARS)) : 'No remediation text.'];
    if (helpUri) body.push(`[Documentation](${encodeLinkTarget(helpUri)})`);
    blocks.push(
      [
        '<details>',
        `<summary>${escapeHtml(`${finding.ruleId}: ${rule?.title ?? finding.title}`)}</summary>`,
        '',
        body.join('\n\n'),
        '',
        '</details>',
      ].join('\n'),
    );
  }
  return blocks.join('\n\n');
}

function errorList(result: ScanResult): string {
  const listed = result.errors.slice(0, MAX_ERRORS_LISTED).map((error) => {
    const where = `${error.file}${error.line ? `:${error.line}` : ''}`;
    const level = error.level.charAt(0).toUpperCase() + error.level.slice(1);
    return `- ${level}: ${escapeCell(where)} (${escapeCell(error.code)}): ${escapeCell(truncate(error.message, MAX_MESSAGE_CHARS))}`;
  });
  const more = result.errors.length - listed.length;
  if (more > 0) listed.push(`- …and ${plural(more, 'more scan error')}`);
  return [`### Scan errors (${result.errors.length})`, '', ...listed].join('\n');
}

/** Escapes text for one table cell: HTML, Markdown syntax, pipes, mentions, and line breaks as `<br>`. */
export function escapeCell(text: string): string {
  return escapeInline(text).replace(/\n/g, '<br>');
}

/** Escapes text inside raw HTML (the `<summary>` line), where Markdown escapes would show literally. */
function escapeHtml(text: string): string {
  return revealInvisible(text.replace(/\r\n?|\n/g, ' '))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/@(?=[\p{L}\p{N}_-])/gu, '@\u200b');
}

/** Escapes text for a paragraph, keeping its line breaks as Markdown hard breaks. */
function escapeBlock(text: string): string {
  return escapeInline(text).replace(/\n/g, '  \n');
}

function escapeInline(text: string): string {
  return (
    revealInvisible(text.replace(/\r\n?/g, '\n'))
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/[\\`*_[\]|~]/g, (ch) => `\\${ch}`)
      // A zero-width space after @ keeps scanned text from mentioning users or teams in a PR comment.
      .replace(/@(?=[\p{L}\p{N}_-])/gu, '@\u200b')
  );
}

/** Percent-encodes the characters that would end a Markdown link target. */
function encodeLinkTarget(url: string): string {
  return url.replace(/[()<>\s]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Cuts to at most `maxBytes` UTF-8 bytes without splitting a character. */
function truncateBytes(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  for (const ch of text) {
    const size = byteLength(ch);
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += ch.length;
  }
  return text.slice(0, end);
}

export const markdownReporter: Reporter = {
  id: 'markdown',
  description: 'Markdown summary for pull request comments and CI job summaries',
  extension: '.md',
  defaultFileName: 'palisade.md',
  render: renderMarkdown,
};

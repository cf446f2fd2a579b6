/** Human-readable terminal output, grouped by file. */
import pc from 'picocolors';
import {
  activeFindings,
  compareText,
  type Finding,
  type ScanError,
  type ScanResult,
  SEVERITIES,
  type Severity,
  shouldFail,
} from '../core/types.js';
import {
  compareByLocation,
  countBySeverity,
  formatDuration,
  maskedSecret,
  plural,
  revealInvisible,
  scrubResult,
} from './shared.js';
import type { Reporter, ReportOptions } from './types.js';

type Colors = ReturnType<typeof pc.createColors>;

// Longer snippets are cut: the location is enough to find the rest.
const MAX_SNIPPET_LINES = 8;
const LABEL_WIDTH = 'CRITICAL'.length;

/** Renders the scan for a terminal; suppressed findings only with `verbose`. */
export function renderText(input: ScanResult, options: ReportOptions = {}): string {
  const result = scrubResult(input);
  const colors = pc.createColors(options.color === true);
  const showSnippets = options.snippet !== false;
  const shown = result.findings.filter((f) => options.verbose || !f.suppression);
  const files = groupByFile(shown, result.errors);

  const lines: string[] = [];
  for (const [file, group] of files) {
    lines.push(colors.bold(colors.underline(clean(file))));
    for (const finding of group.findings) lines.push(...renderFinding(finding, colors, showSnippets));
    for (const error of group.errors) lines.push(...renderError(error, colors));
    lines.push('');
  }
  if (shown.length === 0 && result.errors.length === 0) lines.push(colors.green('No findings.'), '');
  lines.push(...renderSummary(result, colors));
  return `${lines.join('\n')}\n`;
}

interface FileGroup {
  findings: Finding[];
  errors: ScanError[];
}

function groupByFile(findings: Finding[], errors: ScanError[]): [string, FileGroup][] {
  const groups = new Map<string, FileGroup>();
  const groupOf = (file: string): FileGroup => {
    let group = groups.get(file);
    if (!group) {
      group = { findings: [], errors: [] };
      groups.set(file, group);
    }
    return group;
  };
  for (const finding of [...findings].sort(compareByLocation))
    groupOf(finding.location.file).findings.push(finding);
  for (const error of errors) groupOf(error.file).errors.push(error);
  for (const group of groups.values()) group.errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return [...groups.entries()].sort(([a], [b]) => compareText(a, b));
}

function renderFinding(finding: Finding, colors: Colors, showSnippets: boolean): string[] {
  const indent = ' '.repeat(LABEL_WIDTH + 4);
  const { file, startLine, startColumn } = finding.location;
  const lines: string[] = [];
  const suppressed = finding.suppression
    ? ` ${colors.dim(`[suppressed (${finding.suppression.kind}): ${clean(finding.suppression.justification)}]`)}`
    : '';
  lines.push(
    `  ${severityBadge(finding.severity, colors)}  ${colors.cyan(finding.ruleId)}  ${colors.bold(clean(finding.title))}${suppressed}`,
  );
  lines.push(...indentLines(cleanBlock(finding.message), indent));

  const where = [`at ${clean(file)}:${startLine}:${startColumn}`];
  if (finding.resource) where.push(`resource ${clean(finding.resource)}`);
  if (finding.modulePath) where.push(`in ${clean(finding.modulePath)}`);
  lines.push(`${indent}${colors.dim(where.join(' · '))}`);
  if (finding.secret) lines.push(`${indent}secret ${colors.yellow(clean(maskedSecret(finding.secret)))}`);

  if (showSnippets && finding.snippet) {
    const snippetLines = finding.snippet.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
    const shown = snippetLines.slice(0, MAX_SNIPPET_LINES);
    const gutter = String(startLine + shown.length - 1).length;
    shown.forEach((text, i) => {
      const number = String(startLine + i).padStart(gutter);
      lines.push(`${indent}${colors.dim(`${number} │`)} ${clean(text)}`);
    });
    if (snippetLines.length > shown.length) lines.push(`${indent}${colors.dim(`${' '.repeat(gutter)} │ …`)}`);
  }
  return lines;
}

function renderError(error: ScanError, colors: Colors): string[] {
  const paint = error.level === 'error' ? colors.red : error.level === 'warning' ? colors.yellow : colors.dim;
  const label = paint(error.level.toUpperCase().padEnd(LABEL_WIDTH));
  const where = error.line ? `line ${error.line}: ` : '';
  const rule = error.ruleId ? ` (${error.ruleId})` : '';
  const lines = [`  ${label}  ${colors.dim(error.code)}  ${where}${clean(error.message)}${rule}`];
  if (error.hint) lines.push(`${' '.repeat(LABEL_WIDTH + 4)}${colors.dim(`hint: ${clean(error.hint)}`)}`);
  return lines;
}

function renderSummary(result: ScanResult, colors: Colors): string[] {
  const active = activeFindings(result);
  const counts = countBySeverity(active);
  const bySeverity = SEVERITIES.map((s) => {
    const text = `${counts[s]} ${s}`;
    return counts[s] > 0 ? severityColor(s, colors)(text) : text;
  }).join(', ');
  const parts = [
    `${plural(active.length, 'finding')} (${bySeverity})`,
    `${result.findings.length - active.length} suppressed`,
    `${result.stats.baselineHidden} hidden by baseline`,
  ];
  if (result.diff)
    parts.push(`${result.stats.outsideDiff} outside the diff against ${clean(result.diff.base)}`);
  parts.push(
    `${plural(result.stats.filesScanned, 'file')} scanned in ${formatDuration(result.stats.durationMs)}`,
  );
  const problems = result.errors.filter((e) => e.level !== 'note').length;
  if (problems > 0) parts.push(plural(problems, 'scan error'));
  const lines = [parts.join(' · ')];
  if (result.failOn !== 'none') {
    const verdict = shouldFail(result) ? colors.red('failed') : colors.green('passed');
    lines.push(`Result: ${verdict} (fail on ${result.failOn} or above)`);
  }
  return lines;
}

function severityBadge(severity: Severity, colors: Colors): string {
  return severityColor(severity, colors)(severity.toUpperCase().padEnd(LABEL_WIDTH));
}

function severityColor(severity: Severity, colors: Colors): (text: string) => string {
  switch (severity) {
    case 'critical':
      return (text) => colors.bold(colors.magenta(text));
    case 'high':
      return colors.red;
    case 'medium':
      return colors.yellow;
    case 'low':
      return colors.blue;
    case 'info':
      return colors.gray;
  }
}

function indentLines(text: string, indent: string): string[] {
  return text.split('\n').map((line) => `${indent}${line}`);
}

/** Scanned content reaches the terminal: escape sequences and bidi overrides are made visible. */
function clean(text: string): string {
  return revealInvisible(text.replace(/\r\n?|\n/g, ' '));
}

/** Like `clean`, keeping line breaks. */
function cleanBlock(text: string): string {
  return revealInvisible(text.replace(/\r\n?/g, '\n'));
}

export const textReporter: Reporter = {
  id: 'text',
  description: 'Human-readable output for terminals, grouped by file',
  extension: '.txt',
  defaultFileName: 'palisade.txt',
  render: renderText,
};

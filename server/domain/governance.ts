/**
 * Governance: remediation deadlines (SLA days per severity), overdue lists and the weekly digest. Pure: the
 * server passes the findings and scores it loaded and the current time.
 */
import { compareText, SEVERITIES, SEVERITY_RANK, type Severity } from '../../scanners/core/types.js';
import { escapeCell } from '../../scanners/reporters/markdown.js';

/** Days to fix an open finding, by severity; null: no deadline. */
export type SlaDays = Record<Severity, number | null>;

export const DEFAULT_SLA_DAYS: Readonly<SlaDays> = {
  critical: 7,
  high: 30,
  medium: 90,
  low: 180,
  info: null,
};

const DAY_MS = 86_400_000;
const MAX_SLA_DAYS = 3650;

/**
 * Reads `critical=7,high=30,medium=90,low=180` (spaces allowed; `none` or `off` removes a deadline). Missing
 * severities keep their default. Throws an Error that names the bad part, for a configuration error at start.
 */
export function parseSlaDays(
  text: string | undefined,
  defaults: Readonly<SlaDays> = DEFAULT_SLA_DAYS,
): SlaDays {
  const sla: SlaDays = { ...defaults };
  if (text === undefined || text.trim() === '') return sla;
  const seen = new Set<string>();
  for (const part of text.split(',')) {
    const entry = part.trim();
    if (entry === '') continue;
    const match = /^([a-z]+)\s*=\s*(\S+)$/i.exec(entry);
    if (!match) throw new Error(`SLA days: "${entry}" is not severity=days`);
    const severity = (match[1] as string).toLowerCase();
    const value = (match[2] as string).toLowerCase();
    if (!(SEVERITIES as readonly string[]).includes(severity))
      throw new Error(`SLA days: unknown severity "${match[1]}" (expected one of ${SEVERITIES.join(', ')})`);
    if (seen.has(severity)) throw new Error(`SLA days: ${severity} is given twice`);
    seen.add(severity);
    if (value === 'none' || value === 'off') {
      sla[severity as Severity] = null;
      continue;
    }
    if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_SLA_DAYS)
      throw new Error(
        `SLA days: ${severity}=${match[2]} must be a whole number of days from 1 to ${MAX_SLA_DAYS}, or none`,
      );
    sla[severity as Severity] = Number(value);
  }
  return sla;
}

export interface SlaSubject {
  severity: Severity;
  /** When the finding was first seen (ISO 8601). */
  openedAt: string;
}

/** When the finding must be fixed (ISO 8601), or null when its severity has no deadline or the date is invalid. */
export function dueDate(finding: SlaSubject, sla: Readonly<SlaDays> = DEFAULT_SLA_DAYS): string | null {
  const days = sla[finding.severity];
  const opened = Date.parse(finding.openedAt);
  if (days === null || Number.isNaN(opened)) return null;
  return new Date(opened + days * DAY_MS).toISOString();
}

export type Overdue<T> = T & { dueAt: string; daysOverdue: number };

/**
 * The findings past their deadline at `now`, most overdue first (then higher severity). Findings with a
 * `status` other than `open` are never overdue.
 */
export function overdue<T extends SlaSubject & { status?: string }>(
  findings: readonly T[],
  now: Date,
  sla: Readonly<SlaDays> = DEFAULT_SLA_DAYS,
): Array<Overdue<T>> {
  const late: Array<Overdue<T>> = [];
  for (const finding of findings) {
    if (finding.status !== undefined && finding.status !== 'open') continue;
    const due = dueDate(finding, sla);
    if (due === null) continue;
    const lateMs = now.getTime() - Date.parse(due);
    if (lateMs <= 0) continue;
    late.push({ ...finding, dueAt: due, daysOverdue: Math.floor(lateMs / DAY_MS) });
  }
  return late.sort(
    (a, b) => compareText(a.dueAt, b.dueAt) || SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity],
  );
}

export interface DigestFinding {
  id: number;
  ruleId: string;
  title: string;
  severity: Severity;
  repository: string;
  file: string;
  line?: number;
  owner?: string | null;
}

export interface DigestScore {
  name: string;
  percent: number | null;
  /** The score a week before, for the change. */
  previousPercent?: number | null;
}

export interface DigestInput {
  /** Findings first seen in the week. */
  opened: DigestFinding[];
  /** Findings fixed (closed) in the week. */
  fixed: DigestFinding[];
  overdue: Array<DigestFinding & { dueAt: string; daysOverdue: number }>;
  topPriorities: Array<DigestFinding & { score: number; reasons: string[] }>;
  scores: { organization: DigestScore; repositories?: DigestScore[]; accounts?: DigestScore[] };
}

export interface DigestJson {
  period: { from: string; to: string };
  opened: { total: number; bySeverity: Record<Severity, number> };
  fixed: { total: number; bySeverity: Record<Severity, number> };
  overdue: { total: number; items: DigestInput['overdue'] };
  topPriorities: DigestInput['topPriorities'];
  scores: DigestInput['scores'];
}

/** Items listed per section; the counts always cover everything. */
export const DIGEST_LIST_LIMIT = 20;

function bySeverity(findings: readonly DigestFinding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/** The weekly digest for the seven days before `now`: a JSON object and its Markdown rendering. */
export function weeklyDigest(input: DigestInput, now: Date): { json: DigestJson; markdown: string } {
  const json: DigestJson = {
    period: { from: new Date(now.getTime() - 7 * DAY_MS).toISOString(), to: now.toISOString() },
    opened: { total: input.opened.length, bySeverity: bySeverity(input.opened) },
    fixed: { total: input.fixed.length, bySeverity: bySeverity(input.fixed) },
    overdue: { total: input.overdue.length, items: input.overdue.slice(0, DIGEST_LIST_LIMIT) },
    topPriorities: input.topPriorities.slice(0, DIGEST_LIST_LIMIT),
    scores: input.scores,
  };
  return { json, markdown: renderDigest(json) };
}

function percentText(score: DigestScore): string {
  if (score.percent === null) return 'no data';
  const change =
    score.previousPercent === undefined || score.previousPercent === null
      ? ''
      : ` (${formatChange(score.percent - score.previousPercent)} since last week)`;
  return `${score.percent.toFixed(1)}%${change}`;
}

function formatChange(points: number): string {
  const rounded = Math.round(points * 10) / 10;
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : '±'}${Math.abs(rounded).toFixed(1)} points`;
}

function severityLine(counts: Record<Severity, number>): string {
  return SEVERITIES.filter((severity) => counts[severity] > 0)
    .map((severity) => `${counts[severity]} ${severity}`)
    .join(', ');
}

function where(finding: DigestFinding): string {
  return `${escapeCell(finding.repository)}: ${escapeCell(finding.file)}${finding.line ? `:${finding.line}` : ''}`;
}

function owner(finding: DigestFinding): string {
  return finding.owner ? escapeCell(finding.owner) : 'no owner';
}

function renderDigest(digest: DigestJson): string {
  const lines: string[] = [
    `# Palisade weekly digest`,
    '',
    `${digest.period.from.slice(0, 10)} to ${digest.period.to.slice(0, 10)}`,
    '',
    `- Secure score: ${percentText(digest.scores.organization)}`,
    `- Opened: ${digest.opened.total}${digest.opened.total > 0 ? ` (${severityLine(digest.opened.bySeverity)})` : ''}`,
    `- Fixed: ${digest.fixed.total}${digest.fixed.total > 0 ? ` (${severityLine(digest.fixed.bySeverity)})` : ''}`,
    `- Overdue: ${digest.overdue.total}`,
  ];
  if (digest.topPriorities.length > 0) {
    lines.push(
      '',
      '## Fix first',
      '',
      '| Priority | Severity | Finding | Where | Why |',
      '| ---: | --- | --- | --- | --- |',
    );
    for (const finding of digest.topPriorities) {
      lines.push(
        `| ${finding.score} | ${finding.severity} | ${escapeCell(finding.ruleId)} ${escapeCell(finding.title)} | ${where(finding)} | ${finding.reasons.map(escapeCell).join('; ')} |`,
      );
    }
  }
  if (digest.overdue.total > 0) {
    lines.push(
      '',
      '## Overdue',
      '',
      '| Days late | Severity | Finding | Where | Owner |',
      '| ---: | --- | --- | --- | --- |',
    );
    for (const finding of digest.overdue.items) {
      lines.push(
        `| ${finding.daysOverdue} | ${finding.severity} | ${escapeCell(finding.ruleId)} ${escapeCell(finding.title)} | ${where(finding)} | ${owner(finding)} |`,
      );
    }
    const more = digest.overdue.total - digest.overdue.items.length;
    if (more > 0) lines.push('', `…and ${more} more overdue.`);
  }
  const scopes = [...(digest.scores.repositories ?? []), ...(digest.scores.accounts ?? [])];
  if (scopes.length > 0) {
    lines.push('', '## Secure score by scope', '', '| Scope | Score |', '| --- | --- |');
    for (const scope of scopes) lines.push(`| ${escapeCell(scope.name)} | ${percentText(scope)} |`);
  }
  return `${lines.join('\n')}\n`;
}

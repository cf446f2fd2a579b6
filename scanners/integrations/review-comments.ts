/**
 * What Azure Repos pull request threads and GitLab merge request discussions write alike: the hidden marker
 * that ties a comment to its finding, the body of a finding's comment and the summary comment.
 */
import { activeFindings, type Finding, type ScanResult } from '../core/types.js';
import { escapeCell, renderMarkdown } from '../reporters/markdown.js';
import { countBySeverity } from '../reporters/shared.js';

/** Finds the fingerprint in a comment a previous run posted; no state is kept anywhere else. */
export const FINDING_MARKER = /<!-- palisade:finding ([0-9a-f]{16,128}) -->/;

/**
 * A finding's comment: headline, message, how to fix, the platform's footer line and, when the fingerprint
 * is one FINDING_MARKER can read back, the marker.
 */
export function findingComment(finding: Finding, severityLabel: string, footer: string): string {
  const lines = [
    `**${severityLabel}** · \`${finding.ruleId}\` · ${escapeCell(finding.title)}`,
    '',
    escapeCell(finding.message),
    '',
    `**How to fix:** ${escapeCell(finding.remediation)}`,
    '',
    footer,
  ];
  if (/^[0-9a-f]{16,128}$/.test(finding.fingerprint))
    lines.push('', `<!-- palisade:finding ${finding.fingerprint} -->`);
  return lines.join('\n');
}

/** What one run did; `posted` and `fixed` are phrased by the platform (threads, discussions). */
export interface RunActivity {
  posted: string;
  fixed: string;
  reopened: number;
  skipped: number;
}

/**
 * The summary comment: `marker` first (a run finds its own summary by it), the counts by severity, what this
 * run did, an optional markdown `link` to the run, then the Markdown report cut to `maxBytes`.
 */
export function summaryComment(
  marker: string,
  result: ScanResult,
  activity: RunActivity,
  link: string | undefined,
  maxBytes: number,
): string {
  const active = activeFindings(result);
  const counts = countBySeverity(active);
  const status =
    active.length === 0
      ? 'No findings.'
      : `${active.length} finding${active.length === 1 ? '' : 's'}: ${counts.critical} critical, ${counts.high} high, ` +
        `${counts.medium} medium, ${counts.low} low, ${counts.info} info.`;
  const done = [
    activity.posted,
    activity.fixed,
    activity.reopened ? `${activity.reopened} reopened` : '',
    activity.skipped ? `${activity.skipped} not posted (over the per-run limit; listed below)` : '',
  ].filter(Boolean);
  const header = [
    marker,
    '### Palisade',
    '',
    `${status} This run: ${done.join(', ')}.${link ? ` ${link}` : ''}`,
    '',
  ].join('\n');
  return `${header}\n${renderMarkdown(result, { maxBytes })}`;
}

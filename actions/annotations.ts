/** Workflow-command annotations: the most severe findings first, within GitHub's per-step display limits. */
import * as core from '@actions/core';
import { activeFindings, type Finding, type ScanResult, SEVERITY_RANK } from '../scanners/core/types.js';

/** GitHub shows at most 10 annotations of each level per step; more are dropped without a word. */
export const ANNOTATIONS_PER_LEVEL = 10;

export type AnnotationLevel = 'error' | 'warning' | 'notice';

/** critical/high → error, medium → warning, low/info → notice (as SARIF levels map them). */
export function annotationLevel(finding: Finding): AnnotationLevel {
  const rank = SEVERITY_RANK[finding.severity];
  return rank >= SEVERITY_RANK.high ? 'error' : rank === SEVERITY_RANK.medium ? 'warning' : 'notice';
}

export interface AnnotationReport {
  shown: Record<AnnotationLevel, number>;
  total: Record<AnnotationLevel, number>;
}

/** Emits the annotations and says how many of each level were shown and found. */
export function annotate(result: ScanResult): AnnotationReport {
  const report: AnnotationReport = {
    shown: { error: 0, warning: 0, notice: 0 },
    total: { error: 0, warning: 0, notice: 0 },
  };
  // Most severe first, so the 10 errors shown are the criticals before the highs.
  const findings = activeFindings(result).sort(
    (a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity],
  );
  for (const finding of findings) {
    const level = annotationLevel(finding);
    report.total[level]++;
    if (report.shown[level] >= ANNOTATIONS_PER_LEVEL) continue;
    report.shown[level]++;
    const { file, startLine, endLine, startColumn, endColumn } = finding.location;
    const properties: core.AnnotationProperties = {
      title: `Palisade ${finding.ruleId} (${finding.severity}): ${finding.title}`,
      file,
      startLine: Math.max(1, startLine),
      endLine: Math.max(startLine, endLine, 1),
    };
    // Columns are allowed only on single-line annotations.
    if (startLine === endLine && startColumn > 0 && endColumn > startColumn) {
      properties.startColumn = startColumn;
      properties.endColumn = endColumn;
    }
    const message = `${finding.message || finding.title}\n\nHow to fix: ${finding.remediation}`;
    if (level === 'error') core.error(message, properties);
    else if (level === 'warning') core.warning(message, properties);
    else core.notice(message, properties);
  }
  return report;
}

/** One Markdown line per level that had more findings than annotations, for the job summary. */
export function annotationNote(report: AnnotationReport): string | undefined {
  const labels: Record<AnnotationLevel, string> = { error: 'errors', warning: 'warnings', notice: 'notices' };
  const lines = (Object.keys(labels) as AnnotationLevel[])
    .filter((level) => report.total[level] > report.shown[level])
    .map(
      (level) =>
        `- ${labels[level]}: annotated the ${report.shown[level]} most severe of ${report.total[level]}; ` +
        `${report.total[level] - report.shown[level]} more not annotated`,
    );
  if (!lines.length) return undefined;
  return [
    `**Annotations:** GitHub shows at most ${ANNOTATIONS_PER_LEVEL} annotations of each level per step.`,
    ...lines,
    'Every finding is in the SARIF file and the report below.',
  ].join('\n');
}

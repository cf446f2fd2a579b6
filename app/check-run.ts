/**
 * A scan as a check run: the conclusion from fail-on, a title with the counts, a Markdown summary (the same
 * report as everywhere else, with what the App left out) and annotations on the findings' lines, most
 * severe first, sent 50 per request as GitHub requires.
 */
import {
  activeFindings,
  type Finding,
  type ScanResult,
  SEVERITIES,
  SEVERITY_RANK,
  shouldFail,
} from '../scanners/core/types.js';
import { renderMarkdown } from '../scanners/reporters/markdown.js';
import {
  compareBySeverity,
  countBySeverity,
  plural,
  scrubResult,
  truncate,
} from '../scanners/reporters/shared.js';

/** GitHub accepts at most 50 annotations per create or update request. */
const ANNOTATIONS_PER_REQUEST = 50;
/** GitHub's limit for a check run's summary and text, in characters. */
export const OUTPUT_CHARS = 65_535;
const TITLE_CHARS = 255;
const ANNOTATION_MESSAGE_CHARS = 4_000;

export type AnnotationLevel = 'failure' | 'warning' | 'notice';

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: AnnotationLevel;
  title: string;
  message: string;
}

export interface CheckOutput {
  title: string;
  summary: string;
}

export interface CheckReport {
  conclusion: 'success' | 'failure';
  output: CheckOutput;
  /** Already in batches of at most 50. */
  annotationBatches: CheckAnnotation[][];
}

/** critical/high → failure, medium → warning, low/info → notice (as SARIF levels map them). */
function annotationLevel(finding: Finding): AnnotationLevel {
  const rank = SEVERITY_RANK[finding.severity];
  return rank >= SEVERITY_RANK.high ? 'failure' : rank === SEVERITY_RANK.medium ? 'warning' : 'notice';
}

function toAnnotation(finding: Finding): CheckAnnotation {
  const { file, startLine, endLine, startColumn, endColumn } = finding.location;
  const start = Math.max(1, startLine);
  const annotation: CheckAnnotation = {
    path: file,
    start_line: start,
    end_line: Math.max(start, endLine),
    annotation_level: annotationLevel(finding),
    title: truncate(`${finding.ruleId} (${finding.severity}): ${finding.title}`, TITLE_CHARS),
    message: truncate(
      `${finding.message || finding.title}\n\nHow to fix: ${finding.remediation}`,
      ANNOTATION_MESSAGE_CHARS,
    ),
  };
  // Columns are allowed only on single-line annotations.
  if (start === annotation.end_line && startColumn > 0 && endColumn > startColumn) {
    annotation.start_column = startColumn;
    annotation.end_column = endColumn;
  }
  return annotation;
}

/**
 * The whole check run report. `notes` are Markdown lines about what the App did not do (files not fetched,
 * settings not applied); the summary says how many findings were not annotated.
 */
export function checkReport(input: ScanResult, annotationCap: number, notes: readonly string[]): CheckReport {
  const result = scrubResult(input);
  const active = activeFindings(result).sort(compareBySeverity);
  const annotated = active.slice(0, annotationCap).map(toAnnotation);
  const allNotes = [...notes];
  if (active.length > annotated.length)
    allNotes.push(
      `Annotated the ${plural(annotated.length, 'most severe finding')} of ${active.length}; ` +
        `${active.length - annotated.length} more are in the report below, not annotated.`,
    );
  const batches: CheckAnnotation[][] = [];
  for (let i = 0; i < annotated.length; i += ANNOTATIONS_PER_REQUEST)
    batches.push(annotated.slice(i, i + ANNOTATIONS_PER_REQUEST));
  return {
    conclusion: shouldFail(result) ? 'failure' : 'success',
    output: { title: checkTitle(result, active), summary: checkSummary(result, allNotes) },
    annotationBatches: batches,
  };
}

function checkTitle(result: ScanResult, active: Finding[]): string {
  const where = result.diff ? ' on changed lines' : '';
  if (active.length === 0) return `No findings${where}`;
  const counts = countBySeverity(active);
  const parts = SEVERITIES.filter((severity) => counts[severity] > 0).map(
    (severity) => `${counts[severity]} ${severity}`,
  );
  return truncate(`${plural(active.length, 'finding')}${where}: ${parts.join(', ')}`, TITLE_CHARS);
}

function checkSummary(result: ScanResult, notes: readonly string[]): string {
  const noteBlock = notes.length ? `${notes.map((note) => `- ${note}`).join('\n')}\n\n` : '';
  const room = OUTPUT_CHARS - noteBlock.length - 100;
  // renderMarkdown counts UTF-8 bytes, which is never fewer than characters: the summary fits.
  return `${noteBlock}${renderMarkdown(result, { maxBytes: Math.max(2_000, room) })}`.slice(0, OUTPUT_CHARS);
}

/** A check run that could not scan: what went wrong, without anything from the environment. */
export function failureOutput(title: string, detail: string): CheckOutput {
  return { title: truncate(title, TITLE_CHARS), summary: truncate(detail, OUTPUT_CHARS) };
}

/**
 * CSV export of findings (RFC 4180: every cell quoted, quotes doubled, CRLF line ends). Cells that a
 * spreadsheet would read as a formula (`= + - @`, or a tab or carriage return first) get a leading `'`,
 * so a hostile file name or message cannot run anything when the export is opened (CSV injection).
 */
import type { FindingQuery, FindingView } from '../storage/storage.js';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, quoted, with a formula-leading value neutralised. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '""';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvRow(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

export const FINDING_CSV_HEADER = [
  'id',
  'severity',
  'priority',
  'status',
  'rule',
  'title',
  'category',
  'repository',
  'branch',
  'file',
  'line',
  'resource',
  'owner',
  'first_seen',
  'last_seen',
  'status_reason',
  'status_expires',
  'message',
] as const;

function findingRow(finding: FindingView, priority: number | undefined): string {
  return csvRow([
    finding.id,
    finding.severity,
    priority,
    finding.status,
    finding.ruleId,
    finding.title,
    finding.category,
    `${finding.repository.owner}/${finding.repository.name}`,
    finding.branch,
    finding.location.file,
    finding.location.startLine,
    finding.resource,
    finding.owner,
    finding.firstSeenAt,
    finding.lastSeenAt,
    finding.statusReason,
    finding.statusExpiresAt,
    finding.message,
  ]);
}

/** Rows per storage read: the export streams, it never holds every finding at once. */
export const CSV_PAGE_SIZE = 500;

/**
 * The CSV of every finding that matches `query` (its paging ignored), read page by page. `priorities` looks
 * up the priority scores of one page.
 */
export async function* findingsCsv(
  query: Omit<FindingQuery, 'limit' | 'offset'>,
  listPage: (query: FindingQuery) => Promise<{ items: FindingView[] }>,
  priorities: (ids: number[]) => Promise<ReadonlyMap<number, number>>,
): AsyncGenerator<string> {
  yield `\uFEFF${csvRow(FINDING_CSV_HEADER)}`;
  for (let offset = 0; ; offset += CSV_PAGE_SIZE) {
    const page = await listPage({ ...query, limit: CSV_PAGE_SIZE, offset });
    if (page.items.length === 0) return;
    const scores = await priorities(page.items.map((finding) => finding.id));
    yield page.items.map((finding) => findingRow(finding, scores.get(finding.id))).join('');
    if (page.items.length < CSV_PAGE_SIZE) return;
  }
}

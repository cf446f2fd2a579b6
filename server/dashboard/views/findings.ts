/**
 * The findings table with its filter form (kept in the URL), paging, CSV export of the current filter, and for
 * analysts and admins a bulk form: accept the risk, mark false positive or assign an owner for the ticked rows.
 */
import { CATEGORIES, SEVERITIES } from '../../../scanners/core/types.js';
import { FINDING_STATUSES, type FindingListQuery } from '../../schemas/api.js';
import { FINDING_SORTS, type FindingPage, type RepositoryView } from '../../storage/storage.js';
import { html, type SafeHtml, withQuery } from '../html.js';
import { badge, formatTime } from './layout.js';

const SORT_LABELS: Record<(typeof FINDING_SORTS)[number], string> = {
  severity: 'severity',
  priority: 'priority',
  lastSeen: 'last seen',
  firstSeen: 'first seen',
  file: 'file',
  rule: 'rule',
};

function select(name: string, label: string, current: string | undefined, options: Array<[string, string]>) {
  return html`<label>${label} <select name="${name}">
    <option value="">any</option>
    ${options.map(
      ([value, text]) =>
        html`<option value="${value}"${value === current ? html` selected` : ''}>${text}</option>`,
    )}
  </select></label>`;
}

/** The filter fields of a query, as they go back into links (paging, export, after a bulk action). */
export function filterParams(query: FindingListQuery): Record<string, string | number | undefined> {
  return {
    repository: query.repository,
    branch: query.branch,
    severity: query.severity,
    status: query.status,
    category: query.category,
    rule: query.rule,
    owner: query.owner,
    minAgeDays: query.minAgeDays,
    openedAfter: query.openedAfter,
    openedBefore: query.openedBefore,
    deployed: query.deployed === undefined ? undefined : String(query.deployed),
    sort: query.sort,
    order: query.order,
    limit: query.limit,
  };
}

/** What a bulk action did, shown above the table after the redirect. */
export interface BulkNotice {
  done?: string;
  error?: string;
}

/** The findings page body for a query and the page of results. */
export function findingsView(options: {
  query: FindingListQuery;
  limit: number;
  offset: number;
  page: FindingPage;
  repositories: RepositoryView[];
  /** Priority scores of the page's findings, by id. */
  priorities: ReadonlyMap<number, number>;
  /** Present when the user may triage and assign owners. */
  bulk?: { csrfToken: string };
  notice?: BulkNotice;
}): SafeHtml {
  const { query, page, limit, offset, bulk, notice } = options;
  const filters = filterParams(query);
  const first = page.total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, page.total);
  const previous = Math.max(0, offset - limit);
  const here = withQuery('/findings', { ...filters, offset: offset || undefined });
  const table = html`<table class="findings">
  <caption class="visually-hidden">Findings ${first} to ${last}</caption>
  <thead><tr>
    ${bulk ? html`<th scope="col"><span class="visually-hidden">Select</span></th>` : ''}
    <th scope="col">Severity</th><th scope="col" class="num">Priority</th><th scope="col">Finding</th><th scope="col">Repository</th><th scope="col">Location</th><th scope="col">Owner</th><th scope="col">Status</th><th scope="col">Last seen</th>
  </tr></thead>
  <tbody>
  ${page.items.map(
    (finding) => html`<tr>
    ${bulk ? html`<td><input type="checkbox" name="ids" value="${finding.id}" id="select-${finding.id}" aria-label="Select ${finding.title} in ${finding.location.file}"></td>` : ''}
    <td>${badge('severity', finding.severity)}</td>
    <td class="num">${options.priorities.has(finding.id) ? html`<span class="priority">${options.priorities.get(finding.id)}</span>` : html`<span class="muted">—</span>`}</td>
    <td><a href="/findings/${finding.id}">${finding.title}</a><br><span class="muted">${finding.ruleId} · ${finding.category}</span></td>
    <td><a href="/repositories/${finding.repository.id}">${finding.repository.owner}/${finding.repository.name}</a><br><span class="muted">${finding.branch}</span></td>
    <td class="path">${finding.location.file}:${finding.location.startLine}</td>
    <td>${finding.owner ?? html`<span class="muted">—</span>`}</td>
    <td>${badge('status', finding.status)}</td>
    <td class="nowrap">${formatTime(finding.lastSeenAt)}</td>
  </tr>`,
  )}
  </tbody>
</table>`;
  return html`<h1>Findings</h1>
<form class="filters" method="get" action="/findings" aria-label="Filter findings">
  ${select(
    'repository',
    'Repository',
    query.repository?.toString(),
    options.repositories.map((repository) => [
      String(repository.id),
      `${repository.owner}/${repository.name}`,
    ]),
  )}
  <label>Branch <input name="branch" value="${query.branch ?? ''}"></label>
  ${select(
    'severity',
    'Severity',
    query.severity,
    SEVERITIES.map((severity) => [severity, severity]),
  )}
  ${select(
    'status',
    'Status',
    query.status,
    FINDING_STATUSES.map((status) => [status, status.replace('_', ' ')]),
  )}
  ${select(
    'category',
    'Category',
    query.category,
    CATEGORIES.map((category) => [category, category]),
  )}
  ${select('deployed', 'Deployed', filters.deployed as string | undefined, [
    ['true', 'linked to a cloud resource'],
    ['false', 'not linked'],
  ])}
  <label>Rule <input name="rule" value="${query.rule ?? ''}" placeholder="PAL-…"></label>
  <label>Owner <input name="owner" value="${query.owner ?? ''}"></label>
  <label>Age at least (days) <input name="minAgeDays" type="number" min="0" max="36500" value="${query.minAgeDays ?? ''}"></label>
  <label>First seen from <input name="openedAfter" type="date" value="${query.openedAfter ?? ''}"></label>
  <label>First seen before <input name="openedBefore" type="date" value="${query.openedBefore ?? ''}"></label>
  ${select(
    'sort',
    'Sort by',
    query.sort,
    FINDING_SORTS.map((sort) => [sort, SORT_LABELS[sort]]),
  )}
  ${select('order', 'Order', query.order, [
    ['desc', 'descending'],
    ['asc', 'ascending'],
  ])}
  <button type="submit">Filter</button>
  <a href="/findings">Reset</a>
</form>
${notice?.done ? html`<p class="notice" role="status">${notice.done}</p>` : ''}
${notice?.error ? html`<p class="error" role="alert">${notice.error}</p>` : ''}
<p class="muted list-summary"><span>${first}–${last} of ${page.total}${page.totalCapped ? '+' : ''}</span>
  <a href="${withQuery('/findings.csv', filters)}" download>Export these findings as CSV</a></p>
${
  page.items.length === 0
    ? html`<p class="empty">No findings match.</p>`
    : bulk
      ? html`<form class="bulk" method="post" action="/findings/bulk">
  <input type="hidden" name="csrf" value="${bulk.csrfToken}">
  <input type="hidden" name="return" value="${here}">
  ${table}
  <fieldset class="bulk-actions">
    <legend>For the selected findings</legend>
    <label>Action <select name="action" required>
      <option value="risk_accepted">Accept the risk</option>
      <option value="false_positive">Mark false positive</option>
      <option value="owner">Assign owner</option>
    </select></label>
    <label>Reason (decisions) <textarea name="reason" maxlength="2000" rows="2"></textarea></label>
    <label>Expires on (optional) <input type="date" name="expiresOn"></label>
    <label>Owner (assignment; empty clears) <input name="owner" maxlength="200"></label>
    <button type="submit">Apply to selected</button>
  </fieldset>
</form>`
      : table
}
<nav class="pager" aria-label="Pages">
  ${offset > 0 ? html`<a href="${withQuery('/findings', { ...filters, offset: previous })}">← Previous</a>` : ''}
  ${last < page.total || page.totalCapped ? html`<a href="${withQuery('/findings', { ...filters, offset: last })}">Next →</a>` : ''}
</nav>`;
}

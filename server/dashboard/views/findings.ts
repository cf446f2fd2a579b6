/** The findings table with its filter form and paging. */
import { CATEGORIES, SEVERITIES } from '../../../scanners/core/types.js';
import type { FindingListQuery } from '../../schemas/api.js';
import { FINDING_SORTS, type FindingPage, type RepositoryView } from '../../storage/storage.js';
import { html, type SafeHtml, withQuery } from '../html.js';
import { badge, formatTime } from './layout.js';

const STATUSES = ['open', 'closed', 'risk_accepted', 'false_positive'] as const;

function select(name: string, label: string, current: string | undefined, options: Array<[string, string]>) {
  return html`<label>${label} <select name="${name}">
    <option value="">any</option>
    ${options.map(
      ([value, text]) =>
        html`<option value="${value}"${value === current ? html` selected` : ''}>${text}</option>`,
    )}
  </select></label>`;
}

/** The findings page body for a query and the page of results. */
export function findingsView(options: {
  query: FindingListQuery;
  limit: number;
  offset: number;
  page: FindingPage;
  repositories: RepositoryView[];
}): SafeHtml {
  const { query, page, limit, offset } = options;
  const filters = {
    repository: query.repository,
    branch: query.branch,
    severity: query.severity,
    status: query.status,
    category: query.category,
    rule: query.rule,
    sort: query.sort,
    order: query.order,
  };
  const first = page.total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, page.total);
  const previous = Math.max(0, offset - limit);
  return html`<h1>Findings</h1>
<form class="filters" method="get" action="/findings">
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
    STATUSES.map((status) => [status, status.replace('_', ' ')]),
  )}
  ${select(
    'category',
    'Category',
    query.category,
    CATEGORIES.map((category) => [category, category]),
  )}
  <label>Rule <input name="rule" value="${query.rule ?? ''}" placeholder="PAL-…"></label>
  ${select(
    'sort',
    'Sort by',
    query.sort,
    FINDING_SORTS.map((sort) => [sort, sort]),
  )}
  <button type="submit">Filter</button>
  <a href="/findings">Reset</a>
</form>
<p class="muted">${first}–${last} of ${page.total}${page.totalCapped ? '+' : ''}</p>
${
  page.items.length === 0
    ? html`<p class="empty">No findings match.</p>`
    : html`<table class="findings">
  <thead><tr>
    <th>Severity</th><th>Finding</th><th>Repository</th><th>Location</th><th>Status</th><th>Last seen</th>
  </tr></thead>
  <tbody>
  ${page.items.map(
    (finding) => html`<tr>
    <td>${badge('severity', finding.severity)}</td>
    <td><a href="/findings/${finding.id}">${finding.title}</a><br><span class="muted">${finding.ruleId}</span></td>
    <td>${finding.repository.owner}/${finding.repository.name}<br><span class="muted">${finding.branch}</span></td>
    <td class="path">${finding.location.file}:${finding.location.startLine}</td>
    <td>${badge('status', finding.status)}</td>
    <td class="nowrap">${formatTime(finding.lastSeenAt)}</td>
  </tr>`,
  )}
  </tbody>
</table>`
}
<nav class="pager">
  ${offset > 0 ? html`<a href="${withQuery('/findings', { ...filters, offset: previous })}">← Previous</a>` : ''}
  ${last < page.total || page.totalCapped ? html`<a href="${withQuery('/findings', { ...filters, offset: last })}">Next →</a>` : ''}
</nav>`;
}

/** The overview: open findings by severity, findings by status, repositories and recent scans. */
import { SEVERITIES } from '../../../scanners/core/types.js';
import type { FindingStatus, OrganizationSummary } from '../../storage/storage.js';
import { html, withQuery } from '../html.js';
import { formatTime } from './layout.js';

const STATUS_LABELS: Record<FindingStatus, string> = {
  open: 'Open',
  closed: 'Closed',
  risk_accepted: 'Risk accepted',
  false_positive: 'False positive',
};

/** The overview page body. */
export function overviewView(summary: OrganizationSummary) {
  const totalOpen = SEVERITIES.reduce((sum, severity) => sum + summary.openBySeverity[severity], 0);
  return html`<h1>Overview</h1>
<section aria-labelledby="open-heading">
  <h2 id="open-heading">Open findings: ${totalOpen}</h2>
  <ul class="cards">
    ${SEVERITIES.map(
      (severity) => html`<li class="card severity-${severity}">
      <a href="${withQuery('/findings', { severity, status: 'open' })}">
        <span class="count">${summary.openBySeverity[severity]}</span><span class="label">${severity}</span>
      </a></li>`,
    )}
  </ul>
  <ul class="cards statuses">
    ${(Object.keys(STATUS_LABELS) as FindingStatus[]).map(
      (status) => html`<li class="card">
      <a href="${withQuery('/findings', { status })}">
        <span class="count">${summary.byStatus[status]}</span><span class="label">${STATUS_LABELS[status]}</span>
      </a></li>`,
    )}
  </ul>
</section>
<section aria-labelledby="repositories-heading">
  <h2 id="repositories-heading">Repositories</h2>
  ${
    summary.repositories.length === 0
      ? html`<p class="empty">No scans yet. Upload one with <code>POST /api/v1/scans</code>.</p>`
      : html`<table>
    <thead><tr>
      <th>Repository</th><th>Branches</th>${SEVERITIES.map((severity) => html`<th class="num">${severity}</th>`)}
      <th class="num">Open</th><th>Last scan</th>
    </tr></thead>
    <tbody>
    ${summary.repositories.map(
      (repository) => html`<tr>
      <td><a href="${withQuery('/findings', { repository: repository.id, status: 'open' })}">
        ${repository.owner}/${repository.name}</a> <span class="muted">${repository.provider}</span></td>
      <td>${repository.branches.join(', ')}</td>
      ${SEVERITIES.map((severity) => html`<td class="num">${repository.openBySeverity[severity] || ''}</td>`)}
      <td class="num strong">${repository.openFindings}</td>
      <td class="nowrap">${formatTime(repository.lastScanAt)}</td>
    </tr>`,
    )}
    </tbody>
  </table>`
  }
</section>
<section aria-labelledby="scans-heading">
  <h2 id="scans-heading">Recent scans</h2>
  <table>
    <thead><tr>
      <th>When</th><th>Repository</th><th>Branch</th><th>Commit</th><th>Kind</th>
      <th class="num">Findings</th><th class="num">New</th><th class="num">Closed</th><th class="num">Reopened</th>
    </tr></thead>
    <tbody>
    ${summary.recentScans.map(
      (scan) => html`<tr>
      <td class="nowrap">${formatTime(scan.createdAt)}</td>
      <td>${scan.repository.owner}/${scan.repository.name}</td>
      <td>${scan.branch}</td>
      <td class="nowrap"><code>${scan.commit.slice(0, 10)}</code></td>
      <td>${scan.kind}</td>
      <td class="num">${scan.counts.total}</td>
      <td class="num">${scan.counts.new}</td>
      <td class="num">${scan.counts.closed}</td>
      <td class="num">${scan.counts.reopened}</td>
    </tr>`,
    )}
    </tbody>
  </table>
</section>`;
}

/** One finding: what, where, its lifecycle history and, for analysts and admins, the triage form. */
import type { FindingEventView, FindingView } from '../../storage/storage.js';
import { html, safeLink } from '../html.js';
import { badge, formatTime } from './layout.js';

const EVENT_LABELS: Record<FindingEventView['kind'], string> = {
  opened: 'First seen',
  closed: 'Gone from a full scan: closed',
  reopened: 'Back in a scan: reopened',
  triaged: 'Triaged',
  expired: 'Decision expired: reopened',
};

/** The finding page body; `triage` is present when the user may triage. */
export function findingView(options: {
  finding: FindingView;
  history: FindingEventView[];
  triage?: { csrfToken: string; error?: string };
}) {
  const { finding, history, triage } = options;
  const help = safeLink(finding.helpUri);
  const { location, secret, suppression } = finding;
  const lineRange = location.endLine !== location.startLine ? `–${location.endLine}` : '';
  const expiry = finding.statusExpiresAt ? `, until ${finding.statusExpiresAt.slice(0, 10)}` : '';
  const decisionBy = `by ${finding.statusOwner ?? '?'}${expiry}`;
  const triaged = finding.status === 'risk_accepted' || finding.status === 'false_positive';
  return html`<p><a href="/findings">← Findings</a></p>
<h1>${finding.title}</h1>
<p>${badge('severity', finding.severity)} ${badge('status', finding.status)}
  <span class="muted">${finding.ruleId} · ${finding.category}</span></p>
<p class="message">${finding.message}</p>
<dl class="facts">
  <dt>Repository</dt>
  <dd>${finding.repository.owner}/${finding.repository.name} <span class="muted">${finding.repository.provider}</span></dd>
  <dt>Branch</dt><dd>${finding.branch}</dd>
  <dt>Location</dt>
  <dd class="path">${location.file}:${location.startLine}:${location.startColumn}${lineRange}</dd>
  ${finding.resource ? html`<dt>Resource</dt><dd><code>${finding.resource}</code></dd>` : ''}
  ${secret ? html`<dt>Secret</dt><dd><code>${secret.preview}…</code> <span class="muted">sha256 ${secret.sha256.slice(0, 16)}…</span></dd>` : ''}
  ${suppression ? html`<dt>Suppressed in code</dt><dd>${suppression.kind}: ${suppression.justification}</dd>` : ''}
  ${finding.statusReason ? html`<dt>Decision</dt><dd>${finding.statusReason} <span class="muted">${decisionBy}</span></dd>` : ''}
  <dt>First seen</dt><dd>${formatTime(finding.firstSeenAt)}</dd>
  <dt>Last seen</dt><dd>${formatTime(finding.lastSeenAt)}</dd>
  ${finding.mitigatedAt ? html`<dt>Mitigated</dt><dd>${formatTime(finding.mitigatedAt)}</dd>` : ''}
  ${finding.cwe.length ? html`<dt>CWE</dt><dd>${finding.cwe.join(', ')}</dd>` : ''}
  ${finding.tags.length ? html`<dt>Tags</dt><dd>${finding.tags.join(', ')}</dd>` : ''}
  <dt>Fingerprint</dt><dd><code>${finding.fingerprint}</code></dd>
</dl>
${finding.remediation ? html`<h2>How to fix</h2><p>${finding.remediation}</p>` : ''}
${help ? html`<p><a href="${help}" rel="noopener noreferrer">Rule documentation</a></p>` : ''}
<h2>History</h2>
<table>
  <thead><tr><th>When</th><th>What</th><th>Status</th><th>By</th><th>Reason</th></tr></thead>
  <tbody>
  ${history.map(
    (event) => html`<tr>
    <td class="nowrap">${formatTime(event.createdAt)}</td>
    <td>${EVENT_LABELS[event.kind]} ${event.scanId !== null ? html`<span class="muted">scan ${event.scanId}</span>` : ''}</td>
    <td>${event.fromStatus ? html`${badge('status', event.fromStatus)} → ` : ''}${badge('status', event.toStatus)}</td>
    <td>${event.actor ?? ''}</td>
    <td>${event.reason ?? ''}</td>
  </tr>`,
  )}
  </tbody>
</table>
${
  triage
    ? html`<h2>Triage</h2>
${triage.error ? html`<p class="error" role="alert">${triage.error}</p>` : ''}
<form class="triage" method="post" action="/findings/${finding.id}/status">
  <input type="hidden" name="csrf" value="${triage.csrfToken}">
  <label>Decision <select name="status">
    <option value="risk_accepted">Accept the risk</option>
    <option value="false_positive">False positive</option>
    ${triaged ? html`<option value="open">Reopen</option>` : ''}
  </select></label>
  <label>Reason <textarea name="reason" required maxlength="2000" rows="3"></textarea></label>
  <label>Expires on (optional) <input type="date" name="expiresOn"></label>
  <button type="submit">Record decision</button>
</form>`
    : ''
}`;
}

/** An error page body. */
export function errorView(title: string, message: string) {
  return html`<h1>${title}</h1><p>${message}</p><p><a href="/">Back to the overview</a></p>`;
}

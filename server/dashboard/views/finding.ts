/**
 * One finding: what, where (with a link to the file and line at the scanned commit), where it is deployed and
 * the runtime findings of those resources, its priority with the reasons, its lifecycle history and, for
 * analysts and admins, the triage form.
 */
import { LINK_METHOD_WORDS } from '../../domain/code-to-cloud.js';
import type { DeployedResourceView, PriorityView } from '../../storage/cloud-storage.js';
import type { FindingEventView, FindingView } from '../../storage/storage.js';
import { html, type SafeHtml, safeLink } from '../html.js';
import { badge, formatTime } from './layout.js';

/** What code to cloud knows of the finding. */
export interface FindingCloudContext {
  deployed: DeployedResourceView[];
  priority: PriorityView | null;
  codeUrl: string | null;
}

function deployedSection(context: FindingCloudContext, resource: string | null): SafeHtml {
  if (context.deployed.length === 0) {
    return html`<h2>Deployed resources</h2><p class="empty">${
      resource
        ? 'Not linked to a deployed cloud resource: no imported inventory has this resource (by trace tag, state address, stack or name).'
        : 'This finding is not about a cloud resource.'
    }</p>`;
  }
  return html`<h2>Deployed resources</h2>
<table class="deployed">
  <thead><tr><th scope="col">Resource</th><th scope="col">Account</th><th scope="col">Region</th><th scope="col">Linked by</th><th scope="col">Failing runtime checks</th></tr></thead>
  <tbody>
  ${context.deployed.map(
    (deployed) => html`<tr>
    <td><a href="/cloud/resources/${deployed.id}">${deployed.name ?? deployed.uid}</a><br><span class="muted path">${deployed.uid}</span><br><span class="muted">${deployed.type}</span></td>
    <td><a href="/cloud/accounts/${deployed.account.id}">${deployed.account.provider} ${deployed.account.accountId}</a></td>
    <td>${deployed.region ?? '—'}</td>
    <td>${LINK_METHOD_WORDS[deployed.method]}${deployed.weak ? html` <span class="badge weak" title="A name match only: check that this is the same resource">weak</span>` : ''}</td>
    <td>${
      deployed.failingChecks.length === 0
        ? html`<span class="muted">none</span>`
        : html`<ul class="compact">${deployed.failingChecks.map(
            (check) =>
              html`<li>${badge('severity', check.severity)} ${check.title} <span class="muted">${check.checkId} · ${check.source}</span>${check.message ? html`<br><span class="muted">${check.message}</span>` : ''}</li>`,
          )}</ul>`
    }</td>
  </tr>`,
  )}
  </tbody>
</table>`;
}

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
  cloud: FindingCloudContext;
  triage?: { csrfToken: string; error?: string };
}) {
  const { finding, history, triage, cloud } = options;
  const code = cloud.codeUrl ? safeLink(cloud.codeUrl) : null;
  const help = safeLink(finding.helpUri);
  const { location, secret, suppression } = finding;
  const lineRange = location.endLine !== location.startLine ? `–${location.endLine}` : '';
  const expiry = finding.statusExpiresAt ? `, until ${finding.statusExpiresAt.slice(0, 10)}` : '';
  const decisionBy = `by ${finding.statusOwner ?? '?'}${expiry}`;
  const triaged = finding.status === 'risk_accepted' || finding.status === 'false_positive';
  return html`<p><a href="/findings">← Findings</a></p>
<h1>${finding.title}</h1>
<p>${badge('severity', finding.severity)} ${badge('status', finding.status)}
  ${cloud.priority ? html`<span class="priority" title="Priority 0–100">priority ${cloud.priority.score}</span>` : ''}
  <span class="muted">${finding.ruleId} · ${finding.category}</span></p>
<p class="message">${finding.message}</p>
<dl class="facts">
  <dt>Repository</dt>
  <dd><a href="/repositories/${finding.repository.id}">${finding.repository.owner}/${finding.repository.name}</a> <span class="muted">${finding.repository.provider}</span></dd>
  <dt>Branch</dt><dd>${finding.branch}</dd>
  <dt>Location</dt>
  <dd><span class="path">${location.file}:${location.startLine}:${location.startColumn}${lineRange}</span>
    ${code ? html`<br><a href="${code}" rel="noopener noreferrer">Open the file at the scanned commit</a>` : ''}</dd>
  <dt>Code</dt>
  <dd class="muted">The server keeps no source text (snippets are dropped at upload, so no secret can be stored);${code ? ' the link above opens the lines at the scanned commit.' : ' open the location above in the repository.'}</dd>
  ${finding.resource ? html`<dt>Resource</dt><dd><code>${finding.resource}</code></dd>` : ''}
  ${secret ? html`<dt>Secret</dt><dd><code>${secret.preview}…</code> <span class="muted">sha256 ${secret.sha256.slice(0, 16)}…</span></dd>` : ''}
  ${suppression ? html`<dt>Suppressed in code</dt><dd>${suppression.kind}: ${suppression.justification}</dd>` : ''}
  ${finding.statusReason ? html`<dt>Decision</dt><dd>${finding.statusReason} <span class="muted">${decisionBy}</span></dd>` : ''}
  ${finding.owner ? html`<dt>Owner</dt><dd>${finding.owner} <span class="muted">${finding.ownerSource === 'assigned' ? 'assigned' : `from ${finding.ownerSource ?? '?'}`}</span></dd>` : ''}
  <dt>First seen</dt><dd>${formatTime(finding.firstSeenAt)}</dd>
  <dt>Last seen</dt><dd>${formatTime(finding.lastSeenAt)}</dd>
  ${finding.mitigatedAt ? html`<dt>Mitigated</dt><dd>${formatTime(finding.mitigatedAt)}</dd>` : ''}
  ${finding.cwe.length ? html`<dt>CWE</dt><dd>${finding.cwe.join(', ')}</dd>` : ''}
  ${finding.tags.length ? html`<dt>Tags</dt><dd>${finding.tags.join(', ')}</dd>` : ''}
  <dt>Fingerprint</dt><dd><code>${finding.fingerprint}</code></dd>
</dl>
${
  cloud.priority
    ? html`<h2>Priority ${cloud.priority.score} of 100</h2>
<table class="narrow"><thead><tr><th scope="col">Why</th><th scope="col" class="num">Points</th></tr></thead><tbody>
${cloud.priority.factors.map((factor) => html`<tr><td>${factor.reason}</td><td class="num">${factor.points}</td></tr>`)}
</tbody></table>`
    : ''
}
${deployedSection(cloud, finding.resource)}
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

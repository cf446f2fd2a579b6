/** A cloud account (its inventory history, score, resources and their checks) and one deployed resource. */
import type { ControlScore } from '../../domain/analysis-model.js';
import { LINK_METHOD_WORDS } from '../../domain/code-to-cloud.js';
import type {
  CloudAccountView,
  CloudCheckView,
  CloudResourceView,
  CodeLinkView,
  DailyCount,
  TraitView,
} from '../../storage/cloud-storage.js';
import { scoreGauge, timeChart } from '../charts.js';
import { html, type SafeHtml, withQuery } from '../html.js';
import { badge, formatTime } from './layout.js';
import { type ScoreWithHistory, scorePoints } from './overview.js';
import { controlsTable } from './repository.js';

function codeLinks(links: readonly CodeLinkView[]): SafeHtml {
  if (links.length === 0) return html`<span class="muted">no linked code</span>`;
  return html`<ul class="compact">${links.map(
    (
      link,
    ) => html`<li><a href="/repositories/${link.repository.id}">${link.repository.owner}/${link.repository.name}</a>
      <code>${link.address}</code> <span class="muted path">${link.file}:${link.line} (${link.branch})</span>
      <span class="muted">by ${LINK_METHOD_WORDS[link.method]}</span>${link.weak ? html` <span class="badge weak">weak</span>` : ''}</li>`,
  )}</ul>`;
}

function checkList(checks: readonly CloudCheckView[]): SafeHtml {
  const failing = checks.filter((check) => check.status === 'fail');
  if (failing.length === 0) return html`<span class="muted">none failing</span>`;
  return html`<ul class="compact">${failing.map(
    (check) =>
      html`<li>${badge('severity', check.severity)} ${check.title} <span class="muted">${check.checkId}</span></li>`,
  )}</ul>`;
}

/** The account page body. */
export function accountView(options: {
  account: CloudAccountView;
  history: DailyCount[];
  score?: ScoreWithHistory & { controls: ControlScore[] };
  resources: { items: (CloudResourceView & { code: CodeLinkView[] })[]; total: number };
  limit: number;
  offset: number;
}): SafeHtml {
  const { account, history, score, resources, limit, offset } = options;
  const last = Math.min(offset + limit, resources.total);
  const name = `${account.provider} ${account.accountId}`;
  return html`<p><a href="/">← Overview</a></p>
<h1>Cloud account ${name}</h1>
<table class="narrow">
  <caption>Current inventory by source</caption>
  <thead><tr><th scope="col">Source</th><th scope="col" class="num">Resources</th><th scope="col" class="num">Checks</th><th scope="col" class="num">Failing</th><th scope="col">Observed</th><th scope="col">Imported</th></tr></thead>
  <tbody>${account.sources.map(
    (
      source,
    ) => html`<tr><th scope="row">${source.source}</th><td class="num">${source.resources}</td><td class="num">${source.checks}</td>
    <td class="num">${source.failingChecks}</td><td class="nowrap">${formatTime(source.observedAt)}</td><td class="nowrap">${formatTime(source.importedAt)}</td></tr>`,
  )}</tbody>
</table>
<section class="panel-row" aria-label="Score and history">
  <div class="panel">${scoreGauge({
    title: 'Secure score',
    percent: score?.percent ?? null,
    detail: score
      ? `${Math.round(score.points * 10) / 10} of ${Math.round(score.maxPoints * 10) / 10} points`
      : undefined,
  })}</div>
  <div class="panel grow">${timeChart({
    title: `Resources and failing checks of ${name}`,
    series: [
      {
        name: 'Resources',
        className: 'series-resources',
        points: history.map((day) => ({ date: day.day, value: day.resources })),
      },
      {
        name: 'Failing checks',
        className: 'series-opened',
        points: history.map((day) => ({ date: day.day, value: day.failingChecks })),
      },
    ],
  })}</div>
  <div class="panel grow">${timeChart({
    title: `Secure score of ${name}, percent`,
    percent: true,
    kind: 'area',
    series: [{ name: 'Score', className: 'series-score', points: scorePoints(score?.history ?? []) }],
  })}</div>
</section>
<section aria-labelledby="resources-heading">
  <h2 id="resources-heading">Resources: ${resources.total}</h2>
  <table>
    <thead><tr><th scope="col">Resource</th><th scope="col">Type</th><th scope="col">Region</th><th scope="col" class="num">Checks</th><th scope="col">Failing checks</th><th scope="col">Code</th></tr></thead>
    <tbody>${resources.items.map(
      (resource) => html`<tr>
      <td><a href="/cloud/resources/${resource.id}">${resource.name ?? resource.uid}</a><br><span class="muted path">${resource.uid}</span></td>
      <td>${resource.type}</td>
      <td>${resource.region ?? '—'}</td>
      <td class="num">${resource.checks.length}</td>
      <td>${checkList(resource.checks)}</td>
      <td>${codeLinks(resource.code)}</td>
    </tr>`,
    )}</tbody>
  </table>
  <nav class="pager" aria-label="Pages">
    ${offset > 0 ? html`<a href="${withQuery(`/cloud/accounts/${account.id}`, { offset: Math.max(0, offset - limit) })}">← Previous</a>` : ''}
    ${last < resources.total ? html`<a href="${withQuery(`/cloud/accounts/${account.id}`, { offset: last })}">Next →</a>` : ''}
  </nav>
</section>
<section aria-labelledby="controls-heading">
  <h2 id="controls-heading">Controls losing points</h2>
  ${controlsTable(score?.controls ?? [])}
</section>`;
}

/** One deployed resource: where it comes from in code, its traits and every check result. */
export function resourceView(options: {
  resource: CloudResourceView;
  code: CodeLinkView[];
  traits: TraitView[];
}): SafeHtml {
  const { resource, code, traits } = options;
  const tags = Object.entries(resource.tags);
  return html`<p><a href="/cloud/accounts/${resource.account.id}">← ${resource.account.provider} ${resource.account.accountId}</a></p>
<h1>${resource.name ?? resource.uid}</h1>
<dl class="facts">
  <dt>Identifier</dt><dd class="path">${resource.uid}</dd>
  <dt>Type</dt><dd>${resource.type}${resource.kind ? html` <span class="muted">${resource.kind}</span>` : ''}</dd>
  <dt>Account</dt><dd>${resource.account.provider} ${resource.account.accountId}</dd>
  <dt>Region</dt><dd>${resource.region ?? '—'}</dd>
  <dt>Sources</dt><dd>${resource.sources.join(', ')}</dd>
  ${resource.origin?.terraformAddress ? html`<dt>Terraform address</dt><dd><code>${resource.origin.terraformAddress}</code></dd>` : ''}
  ${resource.origin?.cloudformation ? html`<dt>CloudFormation</dt><dd>${resource.origin.cloudformation.stack} / ${resource.origin.cloudformation.logicalId}</dd>` : ''}
  ${tags.length > 0 ? html`<dt>Tags</dt><dd><ul class="compact">${tags.map(([key, value]) => html`<li><code>${key}</code> = <code>${value}</code></li>`)}</ul></dd>` : ''}
</dl>
<h2>Code</h2>
${codeLinks(code)}
<h2>Traits</h2>
${
  traits.length === 0
    ? html`<p class="empty">No exposure, sensitive data or privilege found.</p>`
    : html`<ul class="compact">${traits.map((trait) => html`<li><strong>${trait.trait}</strong>: ${trait.reason}</li>`)}</ul>`
}
<h2>Runtime checks</h2>
${
  resource.checks.length === 0
    ? html`<p class="empty">No check results for this resource.</p>`
    : html`<table>
  <thead><tr><th scope="col">Status</th><th scope="col">Severity</th><th scope="col">Check</th><th scope="col">Message</th><th scope="col">Source</th></tr></thead>
  <tbody>${resource.checks.map(
    (check) => html`<tr>
    <td><span class="badge check-${check.status === 'fail' ? 'fail' : 'pass'}">${check.status}</span></td>
    <td>${badge('severity', check.severity)}</td>
    <td>${check.title}<br><span class="muted">${check.checkId}${check.categories.length ? ` · ${check.categories.join(', ')}` : ''}</span></td>
    <td>${check.message}</td>
    <td>${check.source}</td>
  </tr>`,
  )}</tbody>
</table>`
}`;
}

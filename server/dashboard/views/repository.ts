/** A repository: its secure score and history, open findings by severity, the controls losing points, and its top priorities. */
import { SEVERITIES } from '../../../scanners/core/types.js';
import type { ControlScore } from '../../domain/analysis-model.js';
import type { FindingPage, RepositoryView } from '../../storage/storage.js';
import { scoreGauge, stackedBars, timeChart } from '../charts.js';
import { html, type SafeHtml, withQuery } from '../html.js';
import { badge, formatTime } from './layout.js';
import { type ScoreWithHistory, scorePoints } from './overview.js';

/** The controls of a score that lose points, most lost first (as stored). */
export function controlsTable(
  controls: readonly ControlScore[],
  findingsLink?: (rule: string) => string,
): SafeHtml {
  const losing = controls.filter((control) => control.points < control.maxPoints);
  if (losing.length === 0) return html`<p class="empty">No control loses points.</p>`;
  return html`<table>
  <thead><tr><th scope="col">Control</th><th scope="col">Severity</th><th scope="col" class="num">Healthy</th><th scope="col" class="num">Unhealthy</th><th scope="col" class="num">Points</th><th scope="col" class="num">Lost</th></tr></thead>
  <tbody>
  ${losing.map(
    (control) => html`<tr>
    <td>${control.source === 'rule' && findingsLink ? html`<a href="${findingsLink(control.control)}">${control.control}</a>` : control.control} <span class="muted">${control.source === 'rule' ? 'rule' : 'runtime check'}</span></td>
    <td>${badge('severity', control.severity)}</td>
    <td class="num">${control.healthy}</td>
    <td class="num">${control.unhealthy}</td>
    <td class="num">${round(control.points)} / ${round(control.maxPoints)}</td>
    <td class="num strong">${round(control.maxPoints - control.points)}</td>
  </tr>`,
  )}
  </tbody>
</table>`;
}

const round = (value: number) => Math.round(value * 10) / 10;

/** The repository page body. */
export function repositoryView(options: {
  repository: RepositoryView;
  score?: ScoreWithHistory & { controls: ControlScore[] };
  top: FindingPage;
  priorities: ReadonlyMap<number, number>;
  /** Open findings of the repository linked to a deployed resource, and of category posture. */
  deployedOpen: number;
  postureOpen: number;
}): SafeHtml {
  const { repository, score, top } = options;
  const findings = (params: Record<string, string | number | undefined>) =>
    withQuery('/findings', { repository: repository.id, ...params });
  return html`<p><a href="/">← Overview</a></p>
<h1>${repository.owner}/${repository.name}</h1>
<p class="muted">${repository.provider} · branches ${repository.branches.join(', ')} · last scan ${formatTime(repository.lastScanAt)}</p>
<section class="panel-row" aria-label="Secure score">
  <div class="panel">${scoreGauge({
    title: 'Secure score',
    percent: score?.percent ?? null,
    detail: score ? `${round(score.points)} of ${round(score.maxPoints)} points` : undefined,
  })}</div>
  <div class="panel grow">${timeChart({
    title: `Secure score of ${repository.owner}/${repository.name}, percent`,
    percent: true,
    kind: 'area',
    series: [{ name: 'Score', className: 'series-score', points: scorePoints(score?.history ?? []) }],
  })}</div>
</section>
<section aria-labelledby="open-heading">
  <h2 id="open-heading">Open findings: ${repository.openFindings}</h2>
  ${stackedBars({
    title: 'Open findings by severity',
    keys: SEVERITIES,
    className: (severity) => `severity-${severity}`,
    rows: [
      {
        label: `${repository.owner}/${repository.name}`,
        href: findings({ status: 'open' }),
        counts: repository.openBySeverity,
      },
    ],
  })}
  <ul class="link-list">
    <li><a href="${findings({ status: 'open', sort: 'priority' })}">All open findings by priority</a></li>
    <li><a href="${findings({ status: 'open', deployed: 'true', sort: 'priority' })}">Deployed: ${options.deployedOpen} open findings on resources running in the cloud</a></li>
    <li><a href="${withQuery('/posture', { repository: repository.id })}">Posture: ${options.postureOpen} open repository-settings findings</a></li>
  </ul>
</section>
<section aria-labelledby="top-heading">
  <h2 id="top-heading">Top priorities</h2>
  ${
    top.items.length === 0
      ? html`<p class="empty">No open findings.</p>`
      : html`<table>
    <thead><tr><th scope="col" class="num">Priority</th><th scope="col">Finding</th><th scope="col">Location</th><th scope="col">Branch</th></tr></thead>
    <tbody>${top.items.map(
      (finding) => html`<tr>
      <td class="num">${options.priorities.has(finding.id) ? html`<span class="priority">${options.priorities.get(finding.id)}</span>` : '—'}</td>
      <td>${badge('severity', finding.severity)} <a href="/findings/${finding.id}">${finding.title}</a></td>
      <td class="path">${finding.location.file}:${finding.location.startLine}</td>
      <td>${finding.branch}</td>
    </tr>`,
    )}</tbody>
  </table>`
  }
</section>
<section aria-labelledby="controls-heading">
  <h2 id="controls-heading">Controls losing points</h2>
  ${controlsTable(score?.controls ?? [], (rule) => findings({ rule, status: 'open' }))}
</section>`;
}

/**
 * The overview: the organisation's secure score and its trend, open findings by severity and category, newly
 * opened versus fixed over time, mean time to remediate, the top priorities, attack paths, cloud accounts and
 * repositories.
 */
import { SEVERITIES, type Severity } from '../../../scanners/core/types.js';
import type {
  CloudAccountView,
  GovernanceFinding,
  ScoreHistoryPoint,
  ScoreView,
} from '../../storage/cloud-storage.js';
import type { FindingStatus, OrganizationSummary, SeverityCounts, Trends } from '../../storage/storage.js';
import { scoreGauge, sparkline, stackedBars, timeChart } from '../charts.js';
import { html, type SafeHtml, withQuery } from '../html.js';
import { badge, formatTime } from './layout.js';

const STATUS_LABELS: Record<FindingStatus, string> = {
  open: 'Open',
  closed: 'Closed',
  risk_accepted: 'Risk accepted',
  false_positive: 'False positive',
};

export interface ScoreWithHistory {
  percent: number | null;
  points: number;
  maxPoints: number;
  history: ScoreHistoryPoint[];
}

export interface OverviewData {
  summary: OrganizationSummary;
  /** Open findings per category, by severity. */
  byCategory: { category: string; counts: SeverityCounts }[];
  trends: Trends;
  organizationScore?: ScoreWithHistory & Pick<ScoreView, 'controls'>;
  /** By repository id. */
  repositoryScores: Map<number, ScoreWithHistory>;
  accounts: (CloudAccountView & { score?: ScoreWithHistory })[];
  topPriorities: (GovernanceFinding & { score: number; reasons: string[] })[];
  attackPaths: { count: number; sentences: { sentence: string; severity: Severity | null }[] };
  analysis?: { lastRunAt: string | null; lastError: string | null; pending: boolean };
}

const sum = (counts: Readonly<Record<string, number>>) =>
  Object.values(counts).reduce((total, count) => total + count, 0);

const percentText = (percent: number | null | undefined) =>
  percent === null || percent === undefined ? '—' : `${Math.round(percent * 10) / 10}%`;

/** A score's history as chart points (days without a percent are left out). */
export function scorePoints(history: readonly ScoreHistoryPoint[]) {
  return history
    .filter((point) => point.percent !== null)
    .map((point) => ({ date: point.day, value: point.percent! }));
}

/** The overview page body. */
export function overviewView(data: OverviewData): SafeHtml {
  const { summary, trends } = data;
  const totalOpen = SEVERITIES.reduce((total, severity) => total + summary.openBySeverity[severity], 0);
  const mttr = trends.meanTimeToRemediate;
  const score = data.organizationScore;
  const lostControls = (score?.controls ?? [])
    .filter((control) => control.points < control.maxPoints)
    .slice(0, 5);
  return html`<h1>Overview</h1>
${analysisNote(data.analysis)}
<section aria-labelledby="score-heading" class="panel-row">
  <div class="panel">
    <h2 id="score-heading">Secure score</h2>
    ${scoreGauge({
      title: 'Organisation',
      percent: score?.percent ?? null,
      detail: score
        ? `${Math.round(score.points * 10) / 10} of ${Math.round(score.maxPoints * 10) / 10} points`
        : undefined,
    })}
    ${
      lostControls.length > 0
        ? html`<p class="muted">Most points lost:</p><ul class="compact">${lostControls.map(
            (control) =>
              html`<li>${control.source === 'rule' ? html`<a href="${withQuery('/findings', { rule: control.control, status: 'open' })}">${control.control}</a>` : html`${control.control} <span class="muted">(runtime check)</span>`} <span class="muted">${control.unhealthy} unhealthy, −${Math.round((control.maxPoints - control.points) * 10) / 10}</span></li>`,
          )}</ul>`
        : ''
    }
  </div>
  <div class="panel grow">
    <h2>Secure score over time</h2>
    ${timeChart({
      title: 'Organisation secure score, percent',
      percent: true,
      kind: 'area',
      series: [{ name: 'Score', className: 'series-score', points: scorePoints(score?.history ?? []) }],
    })}
  </div>
</section>
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
  ${stackedBars({
    title: 'Open findings by category and severity',
    keys: SEVERITIES,
    className: (severity) => `severity-${severity}`,
    rows: data.byCategory
      .filter((row) => sum(row.counts) > 0)
      .map((row) => ({
        label: row.category,
        href: withQuery('/findings', { category: row.category, status: 'open' }),
        counts: row.counts,
      })),
  })}
</section>
<section aria-labelledby="trend-heading">
  <h2 id="trend-heading">Opened and fixed, last ${trends.days.length} days</h2>
  <div class="panel-row">
    <div class="panel grow">
      ${timeChart({
        title: 'Findings opened and fixed per day',
        series: [
          {
            name: 'Opened',
            className: 'series-opened',
            points: trends.days.map((day) => ({
              date: day.date,
              value: sum(day.opened) + sum(day.reopened),
            })),
          },
          {
            name: 'Fixed',
            className: 'series-fixed',
            points: trends.days.map((day) => ({ date: day.date, value: sum(day.fixed) })),
          },
        ],
      })}
    </div>
    <div class="panel grow">
      ${timeChart({
        title: 'Open findings at the end of each day',
        kind: 'area',
        series: [
          {
            name: 'Open',
            className: 'series-open',
            points: trends.days.map((day) => ({ date: day.date, value: sum(day.open) })),
          },
        ],
      })}
    </div>
  </div>
  <h3>Mean time to remediate</h3>
  <table class="narrow">
    <thead><tr><th scope="col">Severity</th><th scope="col" class="num">Fixed in the window</th><th scope="col" class="num">Mean days to fix</th></tr></thead>
    <tbody>
    ${SEVERITIES.filter((severity) => mttr.bySeverity[severity].findings > 0).map(
      (severity) => html`<tr><th scope="row">${badge('severity', severity)}</th>
      <td class="num">${mttr.bySeverity[severity].findings}</td><td class="num">${days(mttr.bySeverity[severity].days)}</td></tr>`,
    )}
    <tr><th scope="row">All</th><td class="num strong">${mttr.findings}</td><td class="num strong">${days(mttr.days)}</td></tr>
    </tbody>
  </table>
</section>
<section aria-labelledby="priorities-heading">
  <h2 id="priorities-heading">Fix first</h2>
  ${
    data.topPriorities.length === 0
      ? html`<p class="empty">No prioritised findings yet: priorities come from the code-to-cloud analysis after scans and cloud imports.</p>`
      : html`<table>
    <thead><tr><th scope="col" class="num">Priority</th><th scope="col">Finding</th><th scope="col">Repository</th><th scope="col">Why</th></tr></thead>
    <tbody>
    ${data.topPriorities.map(
      (finding) => html`<tr>
      <td class="num"><span class="priority">${finding.score}</span></td>
      <td>${badge('severity', finding.severity)} <a href="/findings/${finding.id}">${finding.title}</a><br><span class="muted path">${finding.file}:${finding.line}</span></td>
      <td><a href="/repositories/${finding.repository.id}">${finding.repository.owner}/${finding.repository.name}</a></td>
      <td><ul class="compact">${finding.reasons.map((reason) => html`<li>${reason}</li>`)}</ul></td>
    </tr>`,
    )}
    </tbody>
  </table>
  <p><a href="${withQuery('/findings', { status: 'open', sort: 'priority' })}">All open findings by priority</a></p>`
  }
</section>
<section aria-labelledby="paths-heading">
  <h2 id="paths-heading">Attack paths: ${data.attackPaths.count}</h2>
  ${
    data.attackPaths.count === 0
      ? html`<p class="empty">No attack path across linked resources.</p>`
      : html`<ol class="compact">${data.attackPaths.sentences.map(
          (path) => html`<li>${path.severity ? badge('severity', path.severity) : ''} ${path.sentence}</li>`,
        )}</ol>`
  }
  <p><a href="/graph">Graph view: code, resources, exposure and attack paths</a></p>
</section>
<section aria-labelledby="accounts-heading">
  <h2 id="accounts-heading">Cloud accounts</h2>
  ${
    data.accounts.length === 0
      ? html`<p class="empty">No cloud inventory yet. Import one with <code>palisade cloud import FILE</code>.</p>`
      : html`<table>
    <thead><tr><th scope="col">Account</th><th scope="col">Sources</th><th scope="col" class="num">Resources</th><th scope="col" class="num">Failing checks</th><th scope="col" class="num">Score</th><th scope="col">Trend</th><th scope="col">Updated</th></tr></thead>
    <tbody>
    ${data.accounts.map(
      (account) => html`<tr>
      <td><a href="/cloud/accounts/${account.id}">${account.provider} ${account.accountId}</a></td>
      <td>${account.sources.map((source) => source.source).join(', ')}</td>
      <td class="num">${account.resources}</td>
      <td class="num">${account.failingChecks}</td>
      <td class="num">${percentText(account.score?.percent)}</td>
      <td>${sparkline({ label: `Secure score of ${account.provider} ${account.accountId}`, points: scorePoints(account.score?.history ?? []), percent: true })}</td>
      <td class="nowrap">${formatTime(account.updatedAt)}</td>
    </tr>`,
    )}
    </tbody>
  </table>`
  }
</section>
<section aria-labelledby="repositories-heading">
  <h2 id="repositories-heading">Repositories</h2>
  ${
    summary.repositories.length === 0
      ? html`<p class="empty">No scans yet. Upload one with <code>POST /api/v1/scans</code>.</p>`
      : html`<table>
    <thead><tr>
      <th scope="col">Repository</th><th scope="col">Branches</th>${SEVERITIES.map((severity) => html`<th scope="col" class="num">${severity}</th>`)}
      <th scope="col" class="num">Open</th><th scope="col" class="num">Score</th><th scope="col">Last scan</th>
    </tr></thead>
    <tbody>
    ${summary.repositories.map(
      (repository) => html`<tr>
      <td><a href="/repositories/${repository.id}">${repository.owner}/${repository.name}</a> <span class="muted">${repository.provider}</span></td>
      <td>${repository.branches.join(', ')}</td>
      ${SEVERITIES.map((severity) => html`<td class="num">${repository.openBySeverity[severity] || ''}</td>`)}
      <td class="num strong"><a href="${withQuery('/findings', { repository: repository.id, status: 'open' })}">${repository.openFindings}</a></td>
      <td class="num">${percentText(data.repositoryScores.get(repository.id)?.percent)}</td>
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
      <th scope="col">When</th><th scope="col">Repository</th><th scope="col">Branch</th><th scope="col">Commit</th><th scope="col">Kind</th>
      <th scope="col" class="num">Findings</th><th scope="col" class="num">New</th><th scope="col" class="num">Closed</th><th scope="col" class="num">Reopened</th>
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

function days(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 10) / 10}`;
}

/** Says when scores and priorities are being recomputed or the last analysis failed. */
export function analysisNote(analysis: OverviewData['analysis']): SafeHtml | '' {
  if (!analysis) return '';
  if (analysis.lastError !== null)
    return html`<p class="error" role="status">The last code-to-cloud analysis failed; scores and priorities may be out of date. See the server log.</p>`;
  if (analysis.pending)
    return html`<p class="notice" role="status">Scores, priorities and attack paths are being recomputed after the latest changes; reload in a moment.</p>`;
  return '';
}

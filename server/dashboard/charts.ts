/**
 * Charts rendered on the server as inline SVG: d3-scale and d3-shape compute scales and paths, the `html` tag
 * escapes every label, and the page stays script-free under the CSP. Each chart is a `<figure>` whose SVG has
 * `role="img"`, a `<title>` and an `aria-label`, followed by a table of the same numbers for screen readers,
 * keyboard users and anyone who wants the figures. Colours come from classes in dashboard.css (the CSP
 * forbids style attributes).
 */
import { scaleBand, scaleLinear, scaleUtc } from 'd3-scale';
import { arc, area, curveMonotoneX, line, stack } from 'd3-shape';
import { html, type SafeHtml } from './html.js';

export interface DatedValue {
  /** YYYY-MM-DD (UTC). */
  date: string;
  value: number;
}

export interface TimeSeries {
  name: string;
  /** A class of dashboard.css that colours the series (`series-opened`, `severity-high`…). */
  className: string;
  points: readonly DatedValue[];
}

const DAY_MS = 86_400_000;
const dayOf = (date: string) => new Date(`${date}T00:00:00Z`);
const round = (value: number) => Math.round(value * 10) / 10;
const formatNumber = (value: number) =>
  Number.isInteger(value) ? value.toLocaleString('en-GB') : round(value).toLocaleString('en-GB');

/** Short day label for axes: `28 Nov`. */
function shortDay(date: Date): string {
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

function dataTable(
  caption: string,
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
) {
  return html`<details class="chart-data"><summary>${caption}: the numbers</summary>
<table><thead><tr>${header.map((cell, index) => html`<th scope="col"${index > 0 ? html` class="num"` : ''}>${cell}</th>`)}</tr></thead>
<tbody>${rows.map(
    (row) =>
      html`<tr>${row.map((cell, index) =>
        index === 0
          ? html`<th scope="row">${cell}</th>`
          : html`<td class="num">${typeof cell === 'number' ? formatNumber(cell) : cell}</td>`,
      )}</tr>`,
  )}</tbody></table></details>`;
}

/**
 * Lines (or stacked-free areas) over days: trends of opened and fixed findings, open findings, secure score
 * history. Every series must cover the same days.
 */
export function timeChart(options: {
  title: string;
  series: readonly TimeSeries[];
  kind?: 'line' | 'area';
  /** The y axis in percent, 0–100. */
  percent?: boolean;
  width?: number;
  height?: number;
}): SafeHtml {
  const { title, series } = options;
  const width = options.width ?? 640;
  const height = options.height ?? 220;
  const margin = { top: 12, right: 16, bottom: 28, left: 44 };
  const dates = [...new Set(series.flatMap((entry) => entry.points.map((point) => point.date)))].sort();
  if (dates.length === 0) return html`<p class="empty">${title}: no data yet.</p>`;
  const first = dayOf(dates[0]!);
  const last = dayOf(dates.at(-1)!);
  const x = scaleUtc()
    .domain(first.getTime() === last.getTime() ? [new Date(first.getTime() - DAY_MS), last] : [first, last])
    .range([margin.left, width - margin.right]);
  const highest = Math.max(0, ...series.flatMap((entry) => entry.points.map((point) => point.value)));
  const y = scaleLinear()
    .domain([0, options.percent ? 100 : Math.max(1, highest)])
    .nice()
    .range([height - margin.bottom, margin.top]);
  const toLine = line<DatedValue>()
    .x((point) => x(dayOf(point.date)))
    .y((point) => y(point.value))
    .curve(curveMonotoneX);
  const toArea = area<DatedValue>()
    .x((point) => x(dayOf(point.date)))
    .y0(y(0))
    .y1((point) => y(point.value))
    .curve(curveMonotoneX);
  const yTicks = y.ticks(4);
  const xTicks = x.ticks(Math.min(6, dates.length));
  const summary = series
    .map((entry) => `${entry.name}: ${formatNumber(entry.points.at(-1)?.value ?? 0)} on the last day`)
    .join('; ');
  const label = `${title}, ${dates[0]} to ${dates.at(-1)}. ${summary}.`;
  const valueOn = (entry: TimeSeries, date: string) =>
    entry.points.find((point) => point.date === date)?.value ?? 0;
  return html`<figure class="chart">
<svg class="chart-svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${label}" focusable="false">
<title>${label}</title>
<g class="grid">${yTicks.map(
    (
      tick,
    ) => html`<line x1="${margin.left}" x2="${width - margin.right}" y1="${y(tick)}" y2="${y(tick)}"></line>
<text class="tick" x="${margin.left - 6}" y="${y(tick) + 4}" text-anchor="end">${formatNumber(tick)}${options.percent ? '%' : ''}</text>`,
  )}</g>
<g class="axis">${xTicks.map(
    (tick) =>
      html`<text class="tick" x="${x(tick)}" y="${height - 8}" text-anchor="middle">${shortDay(tick)}</text>`,
  )}</g>
${series.map((entry) => {
  const points = [...entry.points].sort((a, b) => (a.date < b.date ? -1 : 1));
  return html`<g class="series ${entry.className}">${
    options.kind === 'area' ? html`<path class="area" d="${toArea(points) ?? ''}"></path>` : ''
  }<path class="line" d="${toLine(points) ?? ''}"></path>${
    points.length === 1
      ? html`<circle class="dot" cx="${x(dayOf(points[0]!.date))}" cy="${y(points[0]!.value)}" r="3"></circle>`
      : ''
  }</g>`;
})}
</svg>
<figcaption>${title} ${legend(series)}</figcaption>
${dataTable(
  title,
  ['Day', ...series.map((entry) => entry.name)],
  dates.map((date) => [date, ...series.map((entry) => valueOn(entry, date))]),
)}
</figure>`;
}

function legend(series: readonly { name: string; className: string }[]) {
  return html`<span class="legend">${series.map(
    (entry) =>
      html`<span class="legend-item ${entry.className}"><span class="swatch" aria-hidden="true"></span>${entry.name}</span>`,
  )}</span>`;
}

export interface BarRow {
  label: string;
  /** A link for the row's label (the filtered findings). */
  href?: string;
  counts: Readonly<Record<string, number>>;
}

/** Horizontal bars, one per row, stacked by key (severities): open findings by category or repository. */
export function stackedBars(options: {
  title: string;
  rows: readonly BarRow[];
  keys: readonly string[];
  /** Class of each key's segment, e.g. `severity-critical`. */
  className: (key: string) => string;
  width?: number;
}): SafeHtml {
  const { title, rows, keys } = options;
  if (rows.length === 0) return html`<p class="empty">${title}: no data yet.</p>`;
  const width = options.width ?? 640;
  const labelWidth = 150;
  const totalWidth = 60;
  const rowHeight = 28;
  const height = rows.length * rowHeight + 8;
  const totals = rows.map((row) => keys.reduce((sum, key) => sum + (row.counts[key] ?? 0), 0));
  const x = scaleLinear()
    .domain([0, Math.max(1, ...totals)])
    .range([labelWidth, width - totalWidth]);
  const y = scaleBand<number>()
    .domain(rows.map((_, index) => index))
    .range([4, height - 4])
    .padding(0.25);
  const layers = stack<BarRow, string>()
    .keys(keys)
    .value((row, key) => row.counts[key] ?? 0)(rows as BarRow[]);
  const label = `${title}. ${rows
    .map(
      (row, index) =>
        `${row.label}: ${totals[index]} (${
          keys
            .filter((key) => (row.counts[key] ?? 0) > 0)
            .map((key) => `${row.counts[key]} ${key}`)
            .join(', ') || 'none'
        })`,
    )
    .join('; ')}.`;
  const truncate = (text: string) => (text.length > 22 ? `${text.slice(0, 21)}…` : text);
  return html`<figure class="chart">
<svg class="chart-svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${label}" focusable="false">
<title>${label}</title>
${rows.map((row, index) => {
  const text = html`<text class="bar-label" x="${labelWidth - 8}" y="${y(index)! + y.bandwidth() / 2 + 4}" text-anchor="end">${truncate(row.label)}<title>${row.label}</title></text>`;
  return row.href ? html`<a href="${row.href}">${text}</a>` : text;
})}
${layers.map(
  (layer) =>
    html`<g class="${options.className(layer.key)}">${layer.map((segment, index) =>
      segment[1] > segment[0]
        ? html`<rect class="bar" x="${x(segment[0])}" y="${y(index)}" width="${Math.max(1, x(segment[1]) - x(segment[0]))}" height="${y.bandwidth()}"><title>${rows[index]!.label}: ${segment[1] - segment[0]} ${layer.key}</title></rect>`
        : '',
    )}</g>`,
)}
${rows.map(
  (_, index) =>
    html`<text class="bar-total" x="${x(totals[index]!) + 6}" y="${y(index)! + y.bandwidth() / 2 + 4}">${formatNumber(totals[index]!)}</text>`,
)}
</svg>
<figcaption>${title} ${legend(keys.map((key) => ({ name: key, className: options.className(key) })))}</figcaption>
${dataTable(
  title,
  ['', ...keys, 'Total'],
  rows.map((row, index) => [row.label, ...keys.map((key) => row.counts[key] ?? 0), totals[index]!]),
)}
</figure>`;
}

/** A half-circle gauge of a secure score in percent; null: nothing scored yet. */
export function scoreGauge(options: { title: string; percent: number | null; detail?: string }): SafeHtml {
  const { title, percent } = options;
  const width = 200;
  const height = 116;
  const radius = 90;
  const toArc = arc<{ start: number; end: number }>()
    .innerRadius(radius - 18)
    .outerRadius(radius)
    .startAngle((part) => part.start)
    .endAngle((part) => part.end)
    .cornerRadius(3);
  const start = -Math.PI / 2;
  const value = percent === null ? 0 : Math.min(100, Math.max(0, percent));
  const band = value >= 80 ? 'score-good' : value >= 50 ? 'score-fair' : 'score-poor';
  const text = percent === null ? 'not scored yet' : `${round(value)}%`;
  const label = `${title}: ${text}${options.detail ? `, ${options.detail}` : ''}`;
  return html`<figure class="gauge">
<svg class="chart-svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${label}" focusable="false">
<title>${label}</title>
<g transform="translate(${width / 2},${radius + 8})">
<path class="gauge-track" d="${toArc({ start, end: Math.PI / 2 }) ?? ''}"></path>
${percent === null ? '' : html`<path class="gauge-value ${band}" d="${toArc({ start, end: start + (Math.PI * value) / 100 }) ?? ''}"></path>`}
<text class="gauge-text" x="0" y="-8" text-anchor="middle">${text}</text>
</g>
</svg>
<figcaption>${title}${options.detail ? html`<br><span class="muted">${options.detail}</span>` : ''}</figcaption>
</figure>`;
}

/** A small line without axes for tables; its aria-label carries the first and last values. */
export function sparkline(options: {
  label: string;
  points: readonly DatedValue[];
  percent?: boolean;
}): SafeHtml {
  const { points } = options;
  if (points.length === 0) return html``;
  const width = 120;
  const height = 28;
  const x = scaleLinear()
    .domain([0, Math.max(1, points.length - 1)])
    .range([2, width - 2]);
  const highest = Math.max(1, ...points.map((point) => point.value));
  const y = scaleLinear()
    .domain([0, options.percent ? 100 : highest])
    .range([height - 2, 2]);
  const path = line<DatedValue>()
    .x((_, index) => x(index))
    .y((point) => y(point.value))(points as DatedValue[]);
  const unit = options.percent ? '%' : '';
  const firstPoint = points[0]!;
  const lastPoint = points.at(-1)!;
  const label = `${options.label}: ${formatNumber(firstPoint.value)}${unit} on ${firstPoint.date}, ${formatNumber(lastPoint.value)}${unit} on ${lastPoint.date}`;
  return html`<svg class="sparkline" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${label}" focusable="false"><title>${label}</title><path class="line" d="${path ?? ''}"></path></svg>`;
}

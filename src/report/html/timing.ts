import type { Exchange } from '../../http/exchange.js';
import { LATENCY_EDGES_MS, type LatencyHistogram, type RunResults } from '../../runner/results.js';
import { duration, html, type Html } from './escape.js';

/**
 * The histogram of the run: the runner's own (every exchange that got a reply) when results.json has it,
 * else one counted from the exchanges the report kept (said so on the page).
 */
export function histogramOf(r: RunResults): { hist: LatencyHistogram; sampled: boolean } {
  if (r.stats.latencyHistogram) return { hist: r.stats.latencyHistogram, sampled: false };
  const edges = [...LATENCY_EDGES_MS];
  const counts: Record<string, number[]> = {};
  const seen = new Set<number>();
  const add = (ex: Exchange) => {
    if (seen.has(ex.seq) || !ex.response || ex.error) return;
    seen.add(ex.seq);
    const row = (counts[ex.label] ??= new Array<number>(edges.length + 1).fill(0));
    let i = 0;
    while (i < edges.length && ex.timing.totalMs >= edges[i]) i++;
    row[i]++;
  };
  for (const c of r.checks) {
    [...c.exchanges, ...(c.failure?.exchanges ?? [])].forEach(add);
    for (const f of [...(c.flows ?? []), ...(c.failure?.flows ?? [])]) f.steps.forEach((s) => add(s.exchange));
  }
  return { hist: { edgesMs: edges, counts }, sampled: true };
}

/** A log-scale axis from `lo` to `hi` ms over `width` pixels. */
interface Axis {
  lo: number;
  hi: number;
  width: number;
  x(ms: number): number;
}

function axis(lo: number, hi: number, width: number): Axis {
  const a = Math.log10(lo);
  const b = Math.log10(hi);
  return { lo, hi, width, x: (ms) => ((Math.log10(Math.min(hi, Math.max(lo, ms))) - a) / (b - a)) * width };
}

/** The bucket `i` of `edges` as [from, to) in ms, clamped to the axis. */
function bucket(edges: readonly number[], i: number, ax: Axis): [number, number] {
  return [i === 0 ? ax.lo : edges[i - 1], i === edges.length ? ax.hi : edges[i]];
}

/** `ms` as a share of `budget`: `<1%`, `12%`. */
const share = (ms: number, budget: number) => (ms / budget < 0.01 ? '<1%' : `${Math.round((ms / budget) * 100)}%`);

const tick = (ms: number) => (ms < 1000 ? `${ms} ms` : `${ms / 1000} s`);

/** The decades the run spans, for an axis shared by every chart of the page. */
export function span(r: RunResults, hist: LatencyHistogram): { lo: number; hi: number } {
  let lo = Infinity;
  let hi = 1;
  for (const row of Object.values(hist.counts)) {
    row.forEach((n, i) => {
      if (n === 0) return;
      lo = Math.min(lo, i === 0 ? hist.edgesMs[0] / 10 : hist.edgesMs[i - 1]);
      hi = Math.max(hi, i === hist.edgesMs.length ? hist.edgesMs[i - 1] * 10 : hist.edgesMs[i]);
    });
  }
  for (const l of Object.values(r.stats.latencyMs)) hi = Math.max(hi, l.max, l.budgetMs);
  if (!Number.isFinite(lo)) lo = 1;
  return { lo: 10 ** Math.floor(Math.log10(Math.max(lo, 0.01))), hi: 10 ** Math.ceil(Math.log10(hi * 1.0001)) };
}

/** Bars of one histogram row on `ax`, `height` pixels tall, scaled to the row's own largest bucket. */
function bars(row: readonly number[], edges: readonly number[], ax: Axis, height: number, top: number, label: string): Html {
  const peak = Math.max(1, ...row);
  return html`${row.map((n, i) => {
      if (n === 0) return '';
      const [from, to] = bucket(edges, i, ax);
      const x = ax.x(from);
      const w = Math.max(1, ax.x(to) - x - 0.5);
      const h = Math.max(1.5, (n / peak) * height);
      const range = i === 0 ? `below ${tick(edges[0])}` : i === edges.length ? `${tick(edges[i - 1])} or more` : `${tick(edges[i - 1])} to ${tick(edges[i])}`;
      return html`<rect class="hbar" x="${x.toFixed(1)}" y="${(top + height - h).toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}"><title>${label}: ${n} in ${range}</title></rect>`;
    })}`;
}

/** A vertical marker at `ms` with a tooltip. */
const marker = (cls: string, ax: Axis, ms: number, y1: number, y2: number, title: string) =>
  html`<line class="${cls}" x1="${ax.x(ms).toFixed(1)}" x2="${ax.x(ms).toFixed(1)}" y1="${y1}" y2="${y2}"><title>${title}</title></line>`;

/** The distribution of all events together, with labelled decades and each distinct budget. */
function overview(r: RunResults, hist: LatencyHistogram, lo: number, hi: number): Html {
  const W = 1100;
  const H = 150;
  const left = 44;
  const right = 30;
  const ax = axis(lo, hi, W - left - right);
  const total = new Array<number>(hist.edgesMs.length + 1).fill(0);
  for (const row of Object.values(hist.counts)) row.forEach((n, i) => (total[i] += n));
  const peak = Math.max(...total);
  const decades: Html[] = [];
  for (let d = lo; d <= hi * 1.0001; d *= 10) {
    const x = left + ax.x(d);
    decades.push(html`<line class="grid" x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="10" y2="${H}"/><text class="axis" x="${x.toFixed(1)}" y="${H + 16}" text-anchor="middle">${tick(Number(d.toPrecision(3)))}</text>`);
  }
  const budgets = [...new Set(Object.values(r.stats.latencyMs).map((l) => l.budgetMs))].sort((a, b) => a - b);
  const budgetLines = budgets.map(
    (b) => html`<g transform="translate(${left},0)">${marker('budget', ax, b, 10, H, `budget ${duration(b)}`)}</g><text class="budget-label" x="${(left + ax.x(b) + 3).toFixed(1)}" y="20">${duration(b)}</text>`,
  );
  return html`<svg class="chart" viewBox="0 0 ${W} ${H + 24}" role="img" aria-label="latency distribution of every reply, log scale">
<line class="axis-line" x1="${left}" x2="${W - right}" y1="${H}" y2="${H}"/>${decades}
<text class="axis" x="${left - 6}" y="18" text-anchor="end">${peak}</text><text class="axis" x="${left - 6}" y="${H}" text-anchor="end">0</text>
<g transform="translate(${left},0)">${bars(total, hist.edgesMs, ax, H - 14, 14, 'all events')}</g>${budgetLines}</svg>`;
}

/** One event's distribution on the shared axis: bars, p50 / p95 / max ticks under them, the budget line. */
function spark(label: string, row: readonly number[], edges: readonly number[], ax: Axis, l: RunResults['stats']['latencyMs'][string]): Html {
  const tickAt = (cls: string, ms: number, name: string) =>
    html`<path class="${cls}" d="M${ax.x(ms).toFixed(1)} 22 l-3.5 6 h7 z"><title>${name} ${duration(ms)}</title></path>`;
  return html`<svg class="spark" viewBox="0 0 ${ax.width} 30" width="${ax.width}" height="30" role="img" aria-label="distribution of ${label}: p50 ${duration(l.p50)}, p95 ${duration(
    l.p95,
  )}, max ${duration(l.max)}, budget ${duration(l.budgetMs)}"><line class="axis-line" x1="0" x2="${ax.width}" y1="21.5" y2="21.5"/>${bars(row, edges, ax, 19, 2, label)}${tickAt('p50', l.p50, 'p50')}${tickAt(
    'p95',
    l.p95,
    'p95',
  )}${tickAt('max', l.max, 'max')}${marker('budget', ax, l.budgetMs, 0, 30, `budget ${duration(l.budgetMs)}`)}</svg>`;
}

/**
 * The timing section: per event p50 / p95 / max against its budget, with a small distribution on an axis
 * shared by every row, and the distribution of every reply of the run.
 */
export function timing(r: RunResults): Html {
  const stats = r.stats.latencyMs;
  const labels = Object.keys(stats);
  if (labels.length === 0) return html`<section class="timing" id="latency"><h2>latency</h2><p class="muted">No reply was timed.</p></section>`;
  const order = r.subscription.events.map((e) => e.name);
  labels.sort((a, b) => (order.includes(a) ? order.indexOf(a) : 1e9) - (order.includes(b) ? order.indexOf(b) : 1e9) || a.localeCompare(b));
  const { hist, sampled } = histogramOf(r);
  const { lo, hi } = span(r, hist);
  const ax = axis(lo, hi, 300);
  const rows = labels.map((label) => {
    const l = stats[label];
    const over = l.max > l.budgetMs;
    const row = hist.counts[label] ?? [];
    const chart = spark(label, row, hist.edgesMs, ax, l);
    return html`<tr class="${over ? 'over' : ''}"><td><code>${label}</code></td><td class="num">${l.count}</td><td class="num">${duration(l.p50)}</td><td class="num">${duration(l.p95)}</td><td class="num">${duration(l.max)}</td><td class="num">${duration(
      l.budgetMs,
    )}</td><td>${chart}</td><td>${over ? html`<span class="c-fail">✗ over budget</span>` : html`<span class="c-pass">✓ within</span> <span class="muted">max = ${share(l.max, l.budgetMs)} of budget</span>`}</td></tr>`;
  });
  return html`<section class="timing" id="latency"><h2>latency <span class="area-counts">${labels.length} events · ${r.stats.replies} replies</span></h2>
<p class="muted">Latency of every reply${sampled ? ' kept in this report (results.json has no histogram: only the sampled exchanges are counted)' : ''}, on a log scale from ${tick(lo)} to ${tick(hi)}; dashed lines are the budgets.</p>
${overview(r, hist, lo, hi)}
<table class="lat"><thead><tr><th>event</th><th class="num">n</th><th class="num">p50</th><th class="num">p95</th><th class="num">max</th><th class="num">budget</th><th>distribution <span class="legend"><b class="k-p50">▲</b> p50 <b class="k-p95">▲</b> p95 <b class="k-max">▲</b> max <b class="k-budget">┆</b> budget</span></th><th>max vs budget</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

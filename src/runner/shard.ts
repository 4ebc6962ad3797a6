/**
 * Sharding: one run's checks split over several machines (`--shard K/N`), and the shards' results joined back
 * into one (`hookcert merge`). A check's requests depend only on the run's seed and the check's id
 * (src/runner/seed.ts), so a check sends the same bytes whichever shard runs it.
 * @module
 */
import { HookcertError, HookcertErrorCode } from '../errors.js';
import type { CheckDefinition } from './check.js';
import type { CheckContext } from './context.js';
import { mergeCoverage } from './coverage.js';
import type { LatencyHistogram, RunResults } from './results.js';
import { ms } from './stats.js';
import type { CheckResult, LatencyStats } from './types.js';
import { baselineComparison, runGate, runVerdict } from './verdict.js';

/** The K-th (1-based) of N parts. */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `K/N` (`--shard 2/4`); anything else is a one-line usage error. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count || count > 1000)
    throw new HookcertError(HookcertErrorCode.USAGE, `--shard ${text}: give K/N with 1 ≤ K ≤ N ≤ 1000, e.g. --shard 2/4`);
  return { index, count };
}

/**
 * The checks of shard `shard`. Checks that share a stage ({@link CheckDefinition.shares}) form one group, every
 * other check a group of its own; the groups, largest first, then by their first id, go each to the shard with
 * the fewest checks so far (the first such). Every shard gets the same number of checks (±1, unless a group is
 * larger than a shard), the split does not depend on the order the suite loads them in, and the N shards together
 * run each check exactly once; without stages it is round-robin over the sorted ids. The checks keep their
 * planned order within the shard.
 */
export function shardOf<C extends Pick<CheckDefinition<CheckContext>, 'id' | 'shares'>>(checks: readonly C[], shard: Shard): C[] {
  const groups = new Map<string, string[]>();
  for (const c of [...checks].sort((a, b) => a.id.localeCompare(b.id))) {
    const key = c.shares === undefined ? `check:${c.id}` : `stage:${c.shares}`;
    groups.set(key, [...(groups.get(key) ?? []), c.id]);
  }
  const ordered = [...groups.values()].sort((a, b) => b.length - a.length || a[0].localeCompare(b[0]));
  const sizes = Array.from({ length: shard.count }, () => 0);
  const mine = new Set<string>();
  for (const ids of ordered) {
    const to = sizes.indexOf(Math.min(...sizes));
    sizes[to] += ids.length;
    if (to === shard.index - 1) for (const id of ids) mine.add(id);
  }
  return checks.filter((c) => mine.has(c.id));
}

const mismatch = (message: string) => new HookcertError(HookcertErrorCode.USAGE, message);

/**
 * Joins the results of the shards of one run into the results of the whole run: the checks in id order, the
 * verdict recomputed (incomplete when a shard is, or when shards are missing), the summary and request counts
 * summed, and the latency figures recomputed from the shards' histograms (p50/p95 interpolated inside a
 * histogram bucket: approximate to the bucket's width; count and max exact). The shards' baseline comparisons
 * are joined and the gate decided again over all the checks, so the merged run keeps verdict and gate apart.
 * Shards of different runs (seed, profile, target, runs, level, baseline, schemas or checks) are refused, as is
 * a check judged twice.
 */
export function mergeResults(shards: readonly RunResults[]): RunResults {
  if (shards.length === 0) throw mismatch('merge: give the results.json of every shard');
  const [first] = shards;
  for (const [i, s] of shards.entries()) {
    for (const key of ['profile', 'seed', 'runs', 'level'] as const)
      if (s[key] !== first[key]) throw mismatch(`merge: file ${i + 1} has ${key} ${String(s[key])}, file 1 has ${String(first[key])}: merge only the shards of one run`);
    if (s.baseline?.source !== first.baseline?.source)
      throw mismatch(`merge: file ${i + 1} was run with ${baselineName(s)}, file 1 with ${baselineName(first)}: run every shard with the same --baseline`);
    if (s.hashes.schemas !== first.hashes.schemas || s.hashes.checks !== first.hashes.checks || s.hashes.eventTypes !== first.hashes.eventTypes)
      throw mismatch(
        s.hashes.eventTypes !== first.hashes.eventTypes
          ? `merge: file ${i + 1} was made with other event types (eventTypes) than file 1: run every shard with the same config file`
          : `merge: file ${i + 1} was made with other schemas or checks than file 1: run every shard with the same hookcert`,
      );
  }
  const seen = new Map<string, number>();
  const checks: CheckResult[] = [];
  for (const [i, s] of shards.entries())
    for (const c of s.checks) {
      if (seen.has(c.id)) throw mismatch(`merge: ${c.id} is in files ${seen.get(c.id)! + 1} and ${i + 1}: give each shard once`);
      seen.set(c.id, i);
      checks.push(c);
    }
  checks.sort((a, b) => a.id.localeCompare(b.id));

  const total = shards.reduce((n, s) => n + s.summary.total, 0);
  const summary = { total, pass: 0, fail: 0, warn: 0, skip: 0, error: 0 };
  for (const c of checks) summary[c.status]++;
  const reasons = shards.flatMap((s, i) => (s.incompleteReason ? [`shard ${shardName(s, i)}: ${s.incompleteReason}`] : []));
  const counts = new Set(shards.map((s) => s.shard?.count).filter((n) => n !== undefined));
  const expected = counts.size === 1 ? [...counts][0]! : undefined;
  if (expected !== undefined && shards.length < expected) reasons.push(`${expected - shards.length} of ${expected} shards are missing from the merge`);
  const verdict = runVerdict(checks, total, reasons.length > 0);
  const baseline = first.baseline ? baselineComparison(first.baseline.source, checks) : undefined;
  const incompleteReason = reasons.length > 0 ? reasons.join('; ') : undefined;

  const starts = shards.map((s) => Date.parse(s.startedAt));
  const coverage = mergeCoverage(shards.map((s) => s.coverage), checks);
  const { shard: _shard, incompleteReason: _reason, baseline: _baseline, ...base } = first;
  return {
    ...base,
    verdict,
    gate: runGate({ verdict, level: first.level, checks, baseline, incompleteReason }),
    ...(incompleteReason ? { incompleteReason } : {}),
    ...(baseline ? { baseline } : {}),
    startedAt: new Date(Math.min(...starts)).toISOString(),
    // The shards run side by side: the run took as long as its slowest shard.
    durationMs: Math.max(...shards.map((s) => s.durationMs)),
    summary,
    checks,
    ...(coverage ? { coverage } : {}),
    stats: mergeStats(shards),
  };
}

function baselineName(s: RunResults): string {
  return s.baseline ? `baseline ${s.baseline.source}` : 'no baseline';
}

function shardName(s: RunResults, i: number): string {
  return s.shard ? `${s.shard.index}/${s.shard.count}` : `file ${i + 1}`;
}

function mergeStats(shards: readonly RunResults[]): RunResults['stats'] {
  const transportErrors: Record<string, number> = {};
  for (const s of shards) for (const [k, n] of Object.entries(s.stats.transportErrors)) transportErrors[k] = (transportErrors[k] ?? 0) + n;
  const hists = shards.map((s) => s.stats.latencyHistogram);
  const histogram = hists.every((h): h is LatencyHistogram => h !== undefined) ? mergeHistograms(hists) : undefined;
  const labels = [...new Set(shards.flatMap((s) => Object.keys(s.stats.latencyMs)))].sort();
  const latencyMs: Record<string, LatencyStats> = {};
  for (const label of labels) {
    const parts = shards.map((s) => s.stats.latencyMs[label]).filter((x): x is LatencyStats => x !== undefined);
    const count = parts.reduce((n, p) => n + p.count, 0);
    const max = Math.max(...parts.map((p) => p.max));
    const row = histogram?.counts[label];
    // Without histograms: the count-weighted mean of the shards' quantiles (an approximation, said in docs/sharding.md).
    const weighted = (q: 'p50' | 'p95') => ms(parts.reduce((n, p) => n + p[q] * p.count, 0) / Math.max(1, count));
    latencyMs[label] = {
      count,
      p50: row ? ms(Math.min(max, histogramQuantile(histogram!.edgesMs, row, 0.5))) : weighted('p50'),
      p95: row ? ms(Math.min(max, histogramQuantile(histogram!.edgesMs, row, 0.95))) : weighted('p95'),
      max,
      budgetMs: parts[0].budgetMs,
    };
  }
  return {
    requests: shards.reduce((n, s) => n + s.stats.requests, 0),
    replies: shards.reduce((n, s) => n + s.stats.replies, 0),
    transportErrors,
    latencyMs,
    ...(histogram ? { latencyHistogram: histogram } : {}),
  };
}

/** Sums histograms over the same bucket edges (refuses different edges). */
export function mergeHistograms(hists: readonly LatencyHistogram[]): LatencyHistogram {
  const edges = hists[0].edgesMs;
  const counts: Record<string, number[]> = {};
  for (const h of hists) {
    if (h.edgesMs.length !== edges.length || h.edgesMs.some((e, i) => e !== edges[i])) throw mismatch('merge: the shards count latencies in different buckets: run every shard with the same hookcert');
    for (const [label, row] of Object.entries(h.counts)) {
      const sum = (counts[label] ??= new Array<number>(edges.length + 1).fill(0));
      row.forEach((n, i) => (sum[i] += n));
    }
  }
  return { edgesMs: [...edges], counts: Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b))) };
}

/**
 * The `q`-quantile of a histogram row, interpolated linearly inside the bucket that holds the nearest rank
 * (the open first and last buckets answer their one known edge).
 */
export function histogramQuantile(edges: readonly number[], row: readonly number[], q: number): number {
  const total = row.reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  const rank = Math.max(1, Math.ceil(q * total));
  let below = 0;
  for (let i = 0; i < row.length; i++) {
    if (below + row[i] >= rank) {
      if (i === 0) return edges[0];
      if (i === edges.length) return edges[edges.length - 1];
      const lo = edges[i - 1];
      const hi = edges[i];
      return lo + ((hi - lo) * (rank - below)) / row[i];
    }
    below += row[i];
  }
  return edges[edges.length - 1];
}

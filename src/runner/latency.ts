import { build, type Histogram } from 'hdr-histogram-js';
import { ms } from './stats.js';
import type { LatencyStats } from './types.js';

/**
 * Latencies counted in log-spaced buckets shared by every event. `counts[label][i]` counts the latencies at
 * or above `edgesMs[i - 1]` and below `edgesMs[i]`; the first bucket has no lower bound, the last one
 * (`i = edgesMs.length`) no upper bound.
 */
export interface LatencyHistogram {
  edgesMs: number[];
  counts: Record<string, number[]>;
}

/** The R10 preferred numbers, 0.1 ms to 100 s: ten buckets per decade. */
export const LATENCY_EDGES_MS: readonly number[] = [-1, 0, 1, 2, 3, 4]
  .flatMap((d) => [1, 1.25, 1.6, 2, 2.5, 3.15, 4, 5, 6.3, 8].map((m) => Number((m * 10 ** d).toPrecision(3))))
  .concat(100_000);

/** The longest latency the histogram resolves without growing: 10 minutes, in microseconds. */
const HIGHEST_US = 600_000_000;

/**
 * One label's latencies in constant memory, however many exchanges a run makes: an HDR histogram in
 * microseconds (3 significant digits: p50 and p95 within 0.1 %), the exact maximum, and the counts of the
 * report's log-spaced buckets ({@link LATENCY_EDGES_MS}).
 */
export class LatencyRecord {
  private readonly hist: Histogram = build({ bitBucketSize: 32, numberOfSignificantValueDigits: 3, lowestDiscernibleValue: 1, highestTrackableValue: HIGHEST_US, autoResize: true });
  count = 0;
  /** The slowest latency (ms), exact. */
  max = 0;
  /** Counts per bucket of {@link LATENCY_EDGES_MS} (one more than edges: the last has no upper bound). */
  readonly buckets: number[] = new Array<number>(LATENCY_EDGES_MS.length + 1).fill(0);

  add(latencyMs: number): void {
    this.count++;
    if (latencyMs > this.max) this.max = latencyMs;
    this.hist.recordValue(Math.max(0, Math.round(latencyMs * 1000)));
    this.buckets[bucketOf(latencyMs)]++;
  }

  /** The `q`-quantile (0..1) in ms (never above the exact maximum: a bucket's upper end may be). */
  quantile(q: number): number {
    return this.count === 0 ? 0 : Math.min(this.max, this.hist.getValueAtPercentile(q * 100) / 1000);
  }

  /** The figures the report shows. */
  stats(budgetMs: number): LatencyStats {
    return { count: this.count, p50: ms(this.quantile(0.5)), p95: ms(this.quantile(0.95)), max: ms(this.max), budgetMs };
  }
}

/** The bucket of `v`: the first edge above it (binary search over the sorted edges). */
function bucketOf(v: number): number {
  let lo = 0;
  let hi = LATENCY_EDGES_MS.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (v >= LATENCY_EDGES_MS[mid]) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The report's bucket counts per label, sorted by label, from records (or plain latency lists, for fixtures). */
export function histogram(latencies: ReadonlyMap<string, LatencyRecord | readonly number[]>): LatencyHistogram {
  const counts: Record<string, number[]> = {};
  for (const label of [...latencies.keys()].sort((a, b) => a.localeCompare(b))) {
    const value = latencies.get(label)!;
    let record: LatencyRecord;
    if (value instanceof LatencyRecord) record = value;
    else {
      record = new LatencyRecord();
      for (const v of value) record.add(v);
    }
    counts[label] = [...record.buckets];
  }
  return { edgesMs: [...LATENCY_EDGES_MS], counts };
}

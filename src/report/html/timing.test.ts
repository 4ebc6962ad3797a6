import { describe, expect, it } from 'vitest';
import { sampleResults } from '../../../test/fixtures/report-results.js';
import { LATENCY_EDGES_MS } from '../../runner/results.js';
import { histogram } from '../../runner/latency.js';
import { histogramOf, span, timing } from './timing.js';

describe('latency figures', () => {
  it('the runner counts every latency in shared log buckets, open at both ends', () => {
    const h = histogram(new Map([['scanCode', [0.05, 0.1, 1, 1.2, 2999, 250_000]]]));
    expect(h.edgesMs).toEqual(LATENCY_EDGES_MS);
    expect(h.edgesMs.slice(10, 21)).toEqual([1, 1.25, 1.6, 2, 2.5, 3.15, 4, 5, 6.3, 8, 10]);
    const row = h.counts.scanCode;
    expect(row).toHaveLength(LATENCY_EDGES_MS.length + 1);
    expect(row.reduce((a, b) => a + b)).toBe(6);
    expect(row[0]).toBe(1); // below 0.1 ms
    expect(row[1]).toBe(1); // [0.1, 0.125)
    expect(row[LATENCY_EDGES_MS.indexOf(1.25)]).toBe(2); // 1 and 1.2 are in [1, 1.25)
    expect(row[LATENCY_EDGES_MS.length]).toBe(1); // 100 s or more
  });

  it('without a histogram in results.json, counts the exchanges the report kept and says so', () => {
    const { hist, sampled } = histogramOf(sampleResults());
    expect(sampled).toBe(true);
    expect(hist.counts.startSession.reduce((a, b) => a + b)).toBe(12);
    expect(String(timing(sampleResults()))).toContain('only the sampled exchanges are counted');
  });

  it('spans whole decades from the fastest reply to the slowest budget or reply', () => {
    const r = sampleResults();
    r.stats.latencyHistogram = histogram(new Map([['startSession', [0.3, 4]], ['addSessionLine', [3500]]]));
    expect(span(r, r.stats.latencyHistogram)).toEqual({ lo: 0.1, hi: 10_000 });
  });

  it('shows p50, p95 and max against each budget and flags an event over it', () => {
    const out = String(timing(sampleResults()));
    const rows = [...out.matchAll(/<tr class="(over)?"><td><code>(\w+)<\/code>/g)].map((m) => [m[2], m[1] === 'over']);
    expect(rows).toEqual([
      ['startSession', false],
      ['addSessionLine', true],
    ]);
    expect(out).toContain('✗ over budget');
    expect(out).toContain('aria-label="distribution of addSessionLine: p50 4 ms, p95 40 ms, max 3.5 s, budget 3 s"');
    expect(out).toMatch(/<svg class="chart"/);
  });
});

import { describe, expect, it } from 'vitest';
import { LatencyRecord } from './latency.js';
import { LATENCY_EDGES_MS } from './results.js';

describe('LatencyRecord', () => {
  it('keeps 200,000 latencies of one label in a histogram: quantiles within 0.1 %, the maximum exact', () => {
    const r = new LatencyRecord();
    const values: number[] = [];
    // A deterministic spread from 0.2 ms to about 3 s, heavier at the fast end (as replies are).
    for (let i = 0; i < 200_000; i++) values.push(0.2 + ((i * 7919) % 200_000) ** 2 / 1.3e7);
    for (const v of values) r.add(v);
    const sorted = [...values].sort((a, b) => a - b);
    const exact = (q: number) => sorted[Math.ceil(q * sorted.length) - 1];
    for (const q of [0.5, 0.95, 0.99]) expect(Math.abs(r.quantile(q) - exact(q)) / exact(q)).toBeLessThan(0.001);
    expect(r.max).toBe(sorted.at(-1));
    expect(r.count).toBe(200_000);
    expect(r.buckets.reduce((a, b) => a + b)).toBe(200_000);
    expect(r.buckets).toHaveLength(LATENCY_EDGES_MS.length + 1);
  });

  it('says 0 for a label with no latency yet, and rounds the figures to 0.1 ms', () => {
    const r = new LatencyRecord();
    expect(r.quantile(0.5)).toBe(0);
    r.add(12.345);
    expect(r.stats(3000)).toEqual({ count: 1, p50: 12.3, p95: 12.3, max: 12.3, budgetMs: 3000 });
  });
});

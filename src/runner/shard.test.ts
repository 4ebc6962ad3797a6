import { describe, expect, it } from 'vitest';
import { LATENCY_EDGES_MS } from './results.js';
import { histogramQuantile, mergeHistograms, parseShard, shardOf } from './shard.js';

const checks = ['MP-SIG-002', 'MP-ERR-001', 'MP-SIG-001', 'MP-TIM-001', 'MP-ROB-001', 'MP-SES-001', 'MP-DLG-001'].map((id) => ({ id }));

describe('shardOf', () => {
  it('splits by sorted id, round-robin: disjoint, complete, balanced, independent of load order', () => {
    const parts = [1, 2, 3].map((index) => shardOf(checks, { index, count: 3 }).map((c) => c.id));
    expect(parts).toEqual([
      ['MP-TIM-001', 'MP-SES-001', 'MP-DLG-001'],
      ['MP-ERR-001', 'MP-SIG-001'],
      ['MP-SIG-002', 'MP-ROB-001'],
    ]);
    expect(parts.flat().sort()).toEqual(checks.map((c) => c.id).sort());
    const reversed = [1, 2, 3].map((index) => shardOf([...checks].reverse(), { index, count: 3 }).map((c) => c.id).sort());
    expect(reversed).toEqual(parts.map((p) => [...p].sort()));
  });

  it('gives everything to 1/1', () => {
    expect(shardOf(checks, { index: 1, count: 1 })).toEqual(checks);
  });
});

describe('parseShard', () => {
  it('reads K/N and refuses the rest', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '2', 'a/b', '1/0', '']) expect(() => parseShard(bad)).toThrow(/give K\/N/);
  });
});

describe('histograms', () => {
  it('sums rows over the same edges and interpolates quantiles inside a bucket', () => {
    const edges = [...LATENCY_EDGES_MS];
    const row = (at: number, n: number) => Object.assign(new Array<number>(edges.length + 1).fill(0), { [at]: n });
    const i = edges.indexOf(10); // bucket [10, 12.5)
    const merged = mergeHistograms([
      { edgesMs: edges, counts: { a: row(i + 1, 2) } },
      { edgesMs: edges, counts: { a: row(i + 1, 2), b: row(i + 1, 1) } },
    ]);
    expect(merged.counts.a[i + 1]).toBe(4);
    expect(merged.counts.b[i + 1]).toBe(1);
    expect(histogramQuantile(edges, merged.counts.a, 0.5)).toBeCloseTo(11.25, 5);
    expect(histogramQuantile(edges, merged.counts.a, 1)).toBeCloseTo(12.5, 5);
    expect(histogramQuantile(edges, row(0, 0), 0.5)).toBe(0);
  });
});

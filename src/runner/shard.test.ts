import { describe, expect, it } from 'vitest';
import { LATENCY_EDGES_MS } from './results.js';
import type { RunResults } from './results.js';
import { histogramQuantile, mergeHistograms, mergeResults, parseShard, shardOf } from './shard.js';
import type { CheckResult } from './types.js';

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

  it('keeps the checks that share a stage in one shard, the others balanced around them', () => {
    const shared = [...checks, { id: 'MP-SHP-001', shares: 'every reply' }, { id: 'MP-SHP-002', shares: 'every reply' }, { id: 'MP-SIG-010', shares: 'every reply' }];
    const parts = [1, 2, 3].map((index) => shardOf(shared, { index, count: 3 }).map((c) => c.id));
    // The group first, to shard 1; then the others in id order, each to the shard with the fewest checks.
    expect(parts).toEqual([['MP-TIM-001', 'MP-SHP-001', 'MP-SHP-002', 'MP-SIG-010'], ['MP-SIG-001', 'MP-ROB-001', 'MP-DLG-001'], ['MP-SIG-002', 'MP-ERR-001', 'MP-SES-001']]);
    expect(parts.flat().sort()).toEqual(shared.map((c) => c.id).sort());
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

describe('mergeResults keeps verdict and gate apart', () => {
  const check = (id: string, status: CheckResult['status'], baseline?: CheckResult['baseline']) => ({ id, status, level: 'MUST', ...(baseline ? { baseline } : {}) }) as CheckResult;
  const part = (index: number, checks: CheckResult[], baseline?: RunResults['baseline']): RunResults =>
    ({
      tool: { name: 'hookcert', version: '0' }, profile: 'mplus', target: { url: 'http://127.0.0.1:1/x' }, seed: 1, runs: 1, level: 'must', shard: { index, count: 2 },
      verdict: 'not-conformant', gate: { passed: true, level: 'must', reason: 'r' }, startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1, replay: 'r', hashes: { schemas: 'a', checks: 'b' },
      summary: { total: checks.length, pass: 0, fail: 0, warn: 0, skip: 0, error: 0 }, checks, stats: { requests: 1, replies: 1, transportErrors: {}, latencyMs: {} },
      ...(baseline ? { baseline } : {}),
    }) as RunResults;

  it('joins the shards\' baselines and decides the gate again over every check', () => {
    const b = (known: string[], added: string[]) => ({ source: 'b.txt', known, new: added, fixed: [] });
    const known = mergeResults([part(1, [check('MP-SIG-001', 'fail', 'known')], b(['MP-SIG-001'], [])), part(2, [check('MP-SIG-002', 'fail', 'known')], b(['MP-SIG-002'], []))]);
    expect(known.verdict).toBe('not-conformant');
    expect(known.baseline).toEqual(b(['MP-SIG-001', 'MP-SIG-002'], []));
    expect(known.gate).toEqual({ passed: true, level: 'must', baseline: { file: 'b.txt', known: 2, new: 0, fixed: 0 }, reason: '2 known failures in baseline b.txt' });
    // One shard's new failure fails the merged gate, though that shard's own file said nothing of the other.
    const added = mergeResults([part(1, [check('MP-SIG-001', 'fail', 'known')], b(['MP-SIG-001'], [])), part(2, [check('MP-SIG-002', 'fail', 'new')], b([], ['MP-SIG-002']))]);
    expect(added.gate).toMatchObject({ passed: false, reason: '1 new failure not in baseline b.txt: MP-SIG-002; 1 known' });
  });

  it('refuses shards run with other baselines (or one with and one without)', () => {
    const one = part(1, [check('MP-SIG-001', 'fail', 'known')], { source: 'a.txt', known: ['MP-SIG-001'], new: [], fixed: [] });
    expect(() => mergeResults([one, part(2, [check('MP-SIG-002', 'pass')])])).toThrow(/file 2 was run with no baseline, file 1 with baseline a\.txt: run every shard with the same --baseline/);
  });

  it('refuses shards whose integrator event types differ (standard-webhooks eventTypes)', () => {
    const typed = (index: number, eventTypes: string) => ({ ...part(index, [check(`SW-SIG-00${index}`, 'pass')]), profile: 'standard-webhooks', hashes: { schemas: 'a', checks: 'b', eventTypes } }) as RunResults;
    expect(() => mergeResults([typed(1, 'sha256:1'), typed(2, 'sha256:2')])).toThrow(/file 2 was made with other event types \(eventTypes\) than file 1: run every shard with the same config file/);
    expect(mergeResults([typed(1, 'sha256:1'), typed(2, 'sha256:1')]).hashes.eventTypes).toBe('sha256:1');
  });
});

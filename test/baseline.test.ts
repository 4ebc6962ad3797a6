import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyBaseline } from '../src/baseline/baseline.js';
import { baselineOf } from '../src/cli/commands/replay.js';
import type { RunResults } from '../src/runner/results.js';
import { registry } from '../src/schema/registry.js';
import { cli } from './helpers.js';

// A team adopts hookcert before its endpoint is perfect: the mutant that skips signature checks fails five
// checks; with those in the baseline the gate passes, a new failure fails it, a fixed one is called out.
const FAILING = ['MP-SIG-002', 'MP-SIG-003', 'MP-SIG-004', 'MP-SIG-005', 'MP-SIG-006'];
const demo = (...extra: string[]) => ['demo', '--mutant', 'no-signature-check', '--seed', '99', '--runs', '3', '--check', ['MP-SIG-001', ...FAILING].join(','), ...extra];
const file = (dir: string, name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('hookcert --baseline', () => {
  it('without a baseline the mutant fails (exit 1); its results.json as baseline passes the gate (exit 0) and the verdict stays not conformant, in all four outputs', async () => {
    const first = await cli(demo());
    expect(first.code).toBe(1);
    expect(first.results).toMatchObject({ verdict: 'not-conformant', gate: { passed: false, level: 'should', reason: '5 MUST failures, no baseline' } });
    const source = join(first.reportDir, 'results.json');
    const again = await cli(demo('--baseline', source));
    expect(again.code, again.stdout).toBe(0);
    // What a certifier reads is what was judged; what CI decides is the gate, after the baseline.
    expect(again.results?.verdict).toBe('not-conformant');
    expect(again.results?.gate).toEqual({ passed: true, level: 'should', baseline: { file: source, known: 5, new: 0, fixed: 0 }, reason: `5 known failures in baseline ${source}` });
    // The failures stay failures in the report; the gate ignores them.
    for (const id of FAILING) expect(again.results?.checks.find((c) => c.id === id)).toMatchObject({ status: 'fail', baseline: 'known' });
    expect(again.results?.baseline).toMatchObject({ known: FAILING, new: [], fixed: [] });
    expect(again.stdout).toContain(`5 known, 0 new, 0 fixed`);
    expect(registry().validate('report/results.schema.json', again.results)).toEqual([]);
    const both = `verdict: not conformant (5 MUST failures) · gate: passed (5 known failures in baseline ${source})`;
    expect(again.stdout).toContain(both);
    const junit = readFileSync(join(again.reportDir, 'junit.xml'), 'utf8');
    expect(junit).toMatch(/<testsuites name="hookcert" tests="6" failures="0" errors="0" skipped="5"/);
    expect(junit).toContain('known failure (baseline)');
    expect(junit).toContain('<property name="verdict" value="not-conformant"/><property name="gate" value="passed"/>');
    expect(junit).toContain(`<system-out>${both}`);
    const md = readFileSync(join(again.reportDir, 'summary.md'), 'utf8');
    expect(md.split('\n')[0]).toBe('## hookcert mplus: ❌ not conformant · gate ✅ passed');
    expect(md).toContain(`**Verdict:** not conformant (5 MUST failures) · **gate:** passed (5 known failures in baseline ${source})`);
    const html = readFileSync(join(again.reportDir, 'index.html'), 'utf8');
    expect(html).toContain('<h1 class="verdict">Not conformant</h1>');
    expect(html).toContain(`Gate: <b>passed</b> (5 known failures in baseline ${source})`);
    // `replay` gates the replayed checks with the run's baseline, read back from its results.json.
    const carried = baselineOf(again.results!)!;
    expect(carried.entries.map((e) => e.id)).toEqual(FAILING);
    expect(applyBaseline(first.results!, carried)).toMatchObject({ verdict: 'not-conformant', gate: { passed: true } });
    expect(baselineOf(first.results!)).toBeUndefined();
  });

  it('a failure the baseline does not list is new and fails the run (exit 1); a text baseline with reasons works', async () => {
    const dir = (await cli(['list'])).reportDir;
    const baseline = file(dir, 'baseline.txt', `# accepted until the signature rework\n${FAILING.slice(0, 4).map((id) => `${id} signature rework, JIRA-12`).join('\n')}\n`);
    const out = await cli(demo('--baseline', baseline));
    expect(out.code).toBe(1);
    expect(out.results?.verdict).toBe('not-conformant');
    expect(out.results?.gate).toMatchObject({ passed: false, baseline: { file: baseline, known: 4, new: 1, fixed: 0 }, reason: `1 new failure not in baseline ${baseline}: MP-SIG-006; 4 known` });
    expect(out.stdout).toContain(`verdict: not conformant (5 MUST failures) · gate: failed (1 new failure not in baseline ${baseline}: MP-SIG-006; 4 known)`);
    expect(registry().validate('report/results.schema.json', out.results)).toEqual([]);
    expect(out.results?.baseline).toMatchObject({ known: FAILING.slice(0, 4), new: ['MP-SIG-006'], fixed: [] });
    expect(out.results?.checks.find((c) => c.id === 'MP-SIG-002')).toMatchObject({ baseline: 'known', baselineReason: 'signature rework, JIRA-12' });
    expect(out.stdout).toContain('new failures: MP-SIG-006');
    expect(readFileSync(join(out.reportDir, 'summary.md'), 'utf8')).toContain('new failures: MP-SIG-006');
  });

  it('a baseline check that now passes is reported fixed (console, summary.md, junit) and does not fail the run', async () => {
    const dir = (await cli(['list'])).reportDir;
    const entries = [...FAILING, 'MP-SIG-001'].map((id) => ({ id, reason: 'legacy' }));
    const out = await cli(demo('--baseline', file(dir, 'baseline.json', JSON.stringify(entries)), '--fail-on', 'should'));
    expect(out.code, out.stdout).toBe(0);
    expect(out.results?.baseline?.fixed).toEqual(['MP-SIG-001']);
    expect(out.results?.checks.find((c) => c.id === 'MP-SIG-001')).toMatchObject({ status: 'pass', baseline: 'fixed' });
    expect(out.stdout).toContain('fixed (remove them from the baseline): MP-SIG-001');
    expect(readFileSync(join(out.reportDir, 'summary.md'), 'utf8')).toContain('fixed, remove from the baseline: MP-SIG-001');
    expect(readFileSync(join(out.reportDir, 'junit.xml'), 'utf8')).toContain('FIXED: in the baseline (legacy) but passes now');
  });

  it('hookcert merge of shards run with one baseline keeps verdict and gate apart (exit 0), and says both', async () => {
    const first = await cli(demo());
    const source = join(first.reportDir, 'results.json');
    const shards = [await cli(demo('--baseline', source, '--shard', '1/2')), await cli(demo('--baseline', source, '--shard', '2/2'))];
    const dir = join(first.reportDir, 'merged');
    const merged = await cli(['merge', ...shards.map((s) => join(s.reportDir, 'results.json')), '--report-dir', dir]);
    expect(merged.code, merged.stdout + merged.stderr).toBe(0);
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as RunResults;
    expect(results).toMatchObject({ verdict: 'not-conformant', gate: { passed: true, baseline: { file: source, known: 5, new: 0, fixed: 0 } }, baseline: { known: FAILING } });
    expect(merged.stdout).toContain(`verdict: not conformant (5 MUST failures) · gate: passed (5 known failures in baseline ${source})`);
    expect(registry().validate('report/results.schema.json', results)).toEqual([]);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8').split('\n')[0]).toBe('## hookcert mplus: ❌ not conformant · gate ✅ passed');
  });

  it('bad baselines and disagreeing gates are usage errors: one line, exit 2', async () => {
    const dir = (await cli(['list'])).reportDir;
    const cases: Array<[string[], RegExp]> = [
      [['--baseline', join(dir, 'missing.json')], /--baseline: cannot read .*missing\.json \(ENOENT\)/],
      [['--baseline', file(dir, 'bad.txt', 'SIG-2 whatever\n')], /"SIG-2" is not a check id/],
      [['--baseline', file(dir, 'bad.json', '{"checks": 1}')], /not a hookcert results\.json/],
      [['--fail-on', 'may'], /--fail-on must be one of must, should/],
      [['--fail-on', 'must', '--level', 'should'], /--fail-on must and --level should disagree/],
    ];
    for (const [extra, message] of cases) {
      const out = await cli(demo(...extra));
      expect(out.code, extra.join(' ')).toBe(2);
      expect(out.stderr).toMatch(message);
      expect(out.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

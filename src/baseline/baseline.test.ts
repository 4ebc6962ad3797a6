import { describe, expect, it } from 'vitest';
import type { RunResults } from '../runner/results.js';
import type { CheckResult } from '../runner/types.js';
import { applyBaseline, parseBaseline } from './baseline.js';

const check = (id: string, status: CheckResult['status'], level: CheckResult['level'] = 'MUST') => ({ id, status, level }) as CheckResult;
const results = (verdict: RunResults['verdict'], checks: CheckResult[]) => ({ tool: { name: 'hookcert', version: '0' }, level: 'must', verdict, checks }) as RunResults;

describe('parseBaseline', () => {
  it('reads the three forms: a text file with reasons and comments, a JSON list, a results.json', () => {
    expect(parseBaseline('# known\nMP-SIG-002 rework, JIRA-12\n\nKK-SIG-001\n', 'b.txt').entries).toEqual([
      { id: 'MP-SIG-002', reason: 'rework, JIRA-12' },
      { id: 'KK-SIG-001', reason: '' },
    ]);
    expect(parseBaseline('[{"id":"MP-SIG-002","reason":"r"},"MP-SHP-001"]', 'b.json').entries.map((e) => e.id)).toEqual(['MP-SIG-002', 'MP-SHP-001']);
    const prior = results('not-conformant', [check('MP-SIG-001', 'pass'), check('MP-SIG-002', 'fail'), check('MP-TIM-001', 'error')]);
    expect(parseBaseline(JSON.stringify(prior), 'results.json').entries.map((e) => e.id)).toEqual(['MP-SIG-002', 'MP-TIM-001']);
  });

  it('refuses what is not a baseline, saying what a baseline is', () => {
    expect(() => parseBaseline('sig-2 x', 'b')).toThrow(/"sig-2" is not a check id.*give a results\.json/);
    expect(() => parseBaseline('[1]', 'b')).toThrow(/neither an id nor/);
    expect(() => parseBaseline('{"a":', 'b')).toThrow(/not valid JSON/);
  });
});

describe('applyBaseline', () => {
  const baseline = parseBaseline('MP-SIG-002\nMP-SIG-001\n', 'b');
  it('known failures pass the gate but leave the verdict as judged; fixed ones are named', () => {
    const out = applyBaseline(results('not-conformant', [check('MP-SIG-001', 'pass'), check('MP-SIG-002', 'fail')]), baseline);
    expect(out.verdict).toBe('not-conformant');
    expect(out.gate).toEqual({
      passed: true,
      level: 'must',
      baseline: { file: 'b', known: 1, new: 0, fixed: 1 },
      reason: '1 known failure in baseline b; 1 check in it now passes (remove it: MP-SIG-001)',
    });
    expect(out.baseline).toEqual({ source: 'b', known: ['MP-SIG-002'], new: [], fixed: ['MP-SIG-001'] });
    expect(out.checks[1].status).toBe('fail');
  });
  it('a new failure fails the gate; an incomplete run fails it and stays incomplete; a SHOULD error is new but does not gate', () => {
    const added = applyBaseline(results('not-conformant', [check('MP-SIG-002', 'fail'), check('MP-SHP-001', 'fail')]), baseline);
    expect([added.verdict, added.gate.passed, added.gate.reason]).toEqual(['not-conformant', false, '1 new failure not in baseline b: MP-SHP-001; 1 known']);
    const cut = applyBaseline({ ...results('incomplete', [check('MP-SIG-002', 'fail')]), incompleteReason: 'interrupted' }, baseline);
    expect([cut.verdict, cut.gate.passed, cut.gate.reason]).toEqual(['incomplete', false, 'the run is incomplete: interrupted']);
    const should = applyBaseline(results('not-conformant', [check('MP-SIG-002', 'fail'), check('MP-SHP-009', 'error', 'SHOULD')]), baseline);
    expect([should.verdict, should.gate.passed]).toEqual(['not-conformant', true]);
    expect(should.baseline?.new).toEqual(['MP-SHP-009']);
  });
});

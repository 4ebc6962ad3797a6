import { describe, expect, it } from 'vitest';
import type { CheckResult } from './types.js';
import { breakageText, runGate, runVerdict, verdictGateText } from './verdict.js';

const check = (id: string, status: CheckResult['status'], level: CheckResult['level'] = 'MUST', baseline?: CheckResult['baseline']) =>
  ({ id, status, level, ...(baseline ? { baseline } : {}) }) as CheckResult;

describe('verdict and gate', () => {
  it('counts what breaks the run by level and kind; a SHOULD error, a warning and a skip break nothing', () => {
    const checks = [check('MP-SIG-001', 'fail'), check('MP-SIG-002', 'fail'), check('MP-SHP-001', 'fail', 'SHOULD'), check('MP-TIM-001', 'error'), check('MP-SHP-002', 'error', 'SHOULD'), check('MP-SHP-003', 'warn'), check('MP-SHP-004', 'skip')];
    expect(breakageText(checks)).toBe('2 MUST failures, 1 SHOULD failure, 1 MUST error');
    expect(runVerdict(checks, checks.length, false)).toBe('not-conformant');
  });

  it('without a baseline the gate is the verdict', () => {
    const failing = [check('MP-SIG-001', 'fail'), check('MP-SIG-002', 'pass')];
    expect(runGate({ verdict: 'not-conformant', level: 'must', checks: failing })).toEqual({ passed: false, level: 'must', reason: '1 MUST failure, no baseline' });
    expect(runGate({ verdict: 'conformant', level: 'should', checks: [check('MP-SIG-002', 'pass')] })).toEqual({ passed: true, level: 'should', reason: 'no failures, no baseline' });
  });

  it('a baseline that knows every failure passes the gate; the verdict line still says not conformant', () => {
    const checks = [check('MP-SIG-001', 'fail', 'MUST', 'known'), check('MP-SIG-002', 'fail', 'MUST', 'known'), check('MP-SIG-003', 'pass')];
    const r = { verdict: 'not-conformant' as const, level: 'must' as const, checks, baseline: { source: 'x.json', known: ['MP-SIG-001', 'MP-SIG-002'], new: [], fixed: [] } };
    const gate = runGate(r);
    expect(gate).toEqual({ passed: true, level: 'must', baseline: { file: 'x.json', known: 2, new: 0, fixed: 0 }, reason: '2 known failures in baseline x.json' });
    expect(verdictGateText({ ...r, gate })).toEqual({ verdict: 'not conformant (2 MUST failures)', gate: 'passed (2 known failures in baseline x.json)' });
  });

  it('one failure the baseline does not know fails the gate, naming it; an incomplete run fails it whatever the baseline', () => {
    const checks = [check('MP-SIG-001', 'fail', 'MUST', 'known'), check('MP-SIG-006', 'fail', 'MUST', 'new')];
    const baseline = { source: 'b.txt', known: ['MP-SIG-001'], new: ['MP-SIG-006'], fixed: [] };
    expect(runGate({ verdict: 'not-conformant', level: 'must', checks, baseline })).toMatchObject({ passed: false, reason: '1 new failure not in baseline b.txt: MP-SIG-006; 1 known' });
    const cut = runGate({ verdict: 'incomplete', level: 'must', checks: [checks[0]], baseline, incompleteReason: 'SIGINT' });
    expect(cut).toMatchObject({ passed: false, reason: 'the run is incomplete: SIGINT' });
  });

  it('says what the verdict does not certify after the verdict, not after the gate', () => {
    const gate = runGate({ verdict: 'conformant', level: 'must', checks: [] });
    expect(verdictGateText({ verdict: 'conformant', level: 'must', checks: [], gate }, ['forms'])).toEqual({ verdict: 'conformant; not certified for: forms', gate: 'passed (no failures, no baseline)' });
  });
});

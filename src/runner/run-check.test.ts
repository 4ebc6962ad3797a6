import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Secret } from '../secret.js';
import { check } from './check.js';
import { CheckContext } from './context.js';
import { DEFAULT_RUN_OPTIONS } from './options.js';
import { NotSent } from './failure.js';
import { FLOWS_PER_CASE } from './recorder.js';
import type { LatenessProof } from './over-budget.js';
import { runCheck, statusForFailure } from './run-check.js';
import type { Level } from './types.js';

const sub = { profile: 'mplus' as const, url: 'http://127.0.0.1:9/x', subscriptionId: 'x', subscriptionIdKnown: false, secret: new Secret('c2VjcmV0'), secretEncoding: 'base64' as const, events: [], topicUrls: {} };
const context = (overrides = {}) => new CheckContext(sub, { ...DEFAULT_RUN_OPTIONS, seed: 1, ...overrides }, 42);
const def = (level: Level, run: (t: CheckContext) => Promise<void>, id = 'MP-TST-001') =>
  check({ id, title: `${level} do the thing`, level, area: 'shape', profile: 'mplus', spec: { doc: 'd', quote: 'q' }, run });

describe('runCheck', () => {
  it('maps a broken rule to fail (MUST), warn (SHOULD), fail (SHOULD when strict), warn (INFO)', () => {
    expect(statusForFailure('MUST', 'must')).toBe('fail');
    expect(statusForFailure('SHOULD', 'must')).toBe('warn');
    expect(statusForFailure('SHOULD', 'should')).toBe('fail');
    expect(statusForFailure('INFO', 'should')).toBe('pass');
    expect(statusForFailure('INFO', 'must')).toBe('pass');
  });

  it('passes, warns, skips and fails with the failure detail', async () => {
    expect((await runCheck(def('MUST', async () => {}), context(), 'r')).status).toBe('pass');
    const warned = await runCheck(def('MUST', async (t) => t.warn('lenient')), context(), 'r');
    expect([warned.status, warned.warnings]).toEqual(['warn', ['lenient']]);
    const skipped = await runCheck(def('MUST', async (t) => t.skip('not subscribed')), context(), 'r');
    expect([skipped.status, skipped.reason]).toEqual(['skip', 'not subscribed']);
    const failed = await runCheck(def('MUST', async (t) => t.fail('broken', { expected: 'a', received: 'b' })), context(), 'replay me');
    expect(failed.status).toBe('fail');
    expect(failed.failure).toMatchObject({ message: 'broken', expected: 'a', received: 'b' });
    expect(failed.replay).toBe('replay me');
  });

  it('keeps the latest flows of a case, not every one a long check ran (a failure shows the failing one)', async () => {
    const r = await runCheck(
      def('MUST', async (t) => {
        for (let i = 0; i < 100; i++) t.flow(`payment ${i}`).steps.push({} as never);
        t.fail('payment 99 went wrong');
      }),
      context(),
      'r',
    );
    expect(r.failure?.flows?.map((f) => f.name)).toEqual(Array.from({ length: FLOWS_PER_CASE }, (_, i) => `payment ${100 - FLOWS_PER_CASE + i}`));
  });

  it('says a note in the reason without changing the status (a fact of this machine, not of the endpoint)', async () => {
    const r = await runCheck(def('INFO', async (t) => t.note('port 10001 was busy')), context(), 'r');
    expect([r.status, r.reason, r.warnings]).toEqual(['pass', 'note: port 10001 was busy', []]);
  });

  it('turns a crash inside a check into that check\'s error, saying why', async () => {
    const r = await runCheck(def('MUST', async () => { throw new TypeError('boom'); }), context(), 'r');
    expect(r.status).toBe('error');
    expect(r.reason).toMatch(/could not judge this check: boom/);
  });

  it('turns a check that outlives its time limit into an error', async () => {
    const r = await runCheck(def('MUST', () => new Promise(() => {})), context({ checkTimeoutMs: 50 }), 'r');
    expect(r.status).toBe('error');
    expect(r.reason).toMatch(/did not finish within 50 ms/);
  });

  it('reports a property failure shrunk, with seed and path', async () => {
    const r = await runCheck(
      def('MUST', (t) => t.property(fc.integer({ min: 0, max: 1000 }), async (n) => { if (n > 20) t.fail(`too big: ${n}`); })),
      context({ runs: 200 }),
      'r',
    );
    expect(r.status).toBe('fail');
    expect(r.failure?.counterexample).toBe(21);
    expect(r.failure?.message).toBe('too big: 21');
    expect(typeof r.failure?.seed).toBe('number');
    expect(r.failure?.path).toMatch(/^\d+(:\d+)*$/);
  });

  it('ends a MUST check that judged fewer cases than it planned in error, saying how many and why', async () => {
    const r = await runCheck(def('MUST', async (t) => { t.plan(3); t.judged(); t.unjudged('its flow was not reached'); }), context(), 'r');
    expect(r.status).toBe('error');
    expect(r.cases).toEqual({ judged: 1, planned: 3 });
    expect(r.reason).toMatch(/judged 1 of the 3 cases it planned: its flow was not reached/);
  });

  it('lets a SHOULD check that judged only part of its cases warn, saying how many', async () => {
    const r = await runCheck(def('SHOULD', async (t) => { t.plan(2); t.judged(); }), context(), 'r');
    expect(r.status).toBe('warn');
    expect(r.warnings).toEqual(['hookcert judged 1 of the 2 cases it planned: no reason was given']);
  });

  it('counts the property cases judged; one left unjudged makes a passing MUST property an error', async () => {
    const all = await runCheck(def('MUST', (t) => t.property(fc.integer(), async () => {}, { runs: 7 })), context(), 'r');
    expect([all.status, all.cases]).toEqual(['pass', { judged: 7, planned: 7 }]);
    let n = 0;
    const some = await runCheck(def('MUST', (t) => t.property(fc.integer(), async () => { if (n++ % 2 === 0) t.unjudged('no time left'); }, { runs: 6 })), context(), 'r');
    expect([some.status, some.cases]).toEqual(['error', { judged: 3, planned: 6 }]);
    expect(some.reason).toMatch(/judged 3 of the 6 cases it planned: no time left/);
  });

  it('refuses ids and titles that break the conventions', () => {
    expect(() => def('MUST', async () => {}, 'SIG-1')).toThrow(/not of the form/);
    expect(() => check({ id: 'MP-TST-002', title: 'do it', level: 'MUST', area: 'shape', profile: 'mplus', spec: { doc: 'd', quote: 'q' }, run: async () => {} })).toThrow(/must start with its level/);
  });

  describe('a label proven over its budget', () => {
    const proof: LatenessProof = {
      label: 'startSession',
      by: 'MP-TIM-001',
      words: '2 requests in a row, with the endpoint to themselves, ended past its 3000 ms budget',
      exchange: { seq: 3, label: 'startSession', request: { method: 'POST', url: 'http://127.0.0.1:9/x/startSession', headers: {}, body: '{}' }, timing: { startedAt: '2026-01-01T00:00:00.000Z', totalMs: 3300 } },
    };
    const late = () => new NotSent('startSession proven over its budget by MP-TIM-001', 'over-budget', proof);
    // The cases that meet the slow event (n % 3 === 0) throw what the check's line throws instead of sending.
    const sends = (t: CheckContext) => t.property(fc.integer({ min: 0, max: 1000 }), async (n) => { if (n % 3 === 0) throw late(); });
    const reason = 'not exercised: startSession proven over its budget by MP-TIM-001';

    it('leaves the cases that meet it out: a MUST check passes on the others, saying what it left out, never error', async () => {
      const r = await runCheck(def('MUST', sends), context({ runs: 30 }), 'r');
      expect(r.status).toBe('pass');
      expect(r.reason).toMatch(new RegExp(`^${reason} \\(\\d+ of 30 cases left out\\)$`));
      expect(r.cases!.judged + r.cases!.notExercised!).toBe(30);
      expect(r.cases!.notExercised).toBeGreaterThan(0);
    });

    it('skips the whole check when nothing else was judged, never a pass', async () => {
      const r = await runCheck(def('MUST', (t) => t.property(fc.integer(), async () => { throw late(); })), context({ runs: 5 }), 'r');
      expect([r.status, r.reason, r.cases]).toEqual(['skip', `${reason} (5 of 5 cases left out)`, { judged: 0, planned: 5, notExercised: 5 }]);
    });

    it('skips it outside a property too, and leaves one kind of perKind out while the others are judged', async () => {
      const outside = await runCheck(def('MUST', async () => { throw late(); }), context(), 'r');
      expect([outside.status, outside.reason]).toEqual(['skip', reason]);
      const kinds = await runCheck(def('MUST', (t) => t.perKind(['scanCode', 'startSession'], (k) => k, async (k) => { if (k === 'startSession') throw late(); })), context(), 'r');
      expect([kinds.status, kinds.reason]).toEqual(['pass', reason]);
      const allKinds = await runCheck(def('MUST', (t) => t.perKind(['startSession'], (k) => k, async () => { t.plan(); throw late(); })), context(), 'r');
      expect([allKinds.status, allKinds.cases]).toEqual(['skip', { judged: 0, planned: 1, notExercised: 1 }]);
    });

    it('still fails a check on the cases it judged', async () => {
      const r = await runCheck(def('MUST', (t) => t.property(fc.integer({ min: 0, max: 1000 }), async (n) => { if (n % 3 === 0) throw late(); t.fail('broken'); }, { examples: [0] })), context({ runs: 10 }), 'r');
      expect(r.status).toBe('fail');
      expect(r.reason).toMatch(new RegExp(`^${reason}`));
    });
  });
});


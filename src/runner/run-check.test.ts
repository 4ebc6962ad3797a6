import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Secret } from '../secret.js';
import { check } from './check.js';
import { CheckContext } from './context.js';
import { DEFAULT_RUN_OPTIONS } from './options.js';
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
});

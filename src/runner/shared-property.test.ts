import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Secret } from '../secret.js';
import { check } from './check.js';
import { CheckContext, type SharedProperty } from './context.js';
import { DEFAULT_RUN_OPTIONS } from './options.js';
import { NotSent } from './failure.js';
import type { LatenessProof } from './over-budget.js';
import { runCheck } from './run-check.js';

const sub = { profile: 'mplus' as const, url: 'http://127.0.0.1:9/x', subscriptionId: 'x', subscriptionIdKnown: false, secret: new Secret('c2VjcmV0'), secretEncoding: 'base64' as const, events: [], topicUrls: {} };
const context = (seed = 42) => new CheckContext(sub, { ...DEFAULT_RUN_OPTIONS, seed: 1, runs: 4 }, seed);
const def = (run: (t: CheckContext) => Promise<void>) => check({ id: 'MP-TST-001', title: 'MUST do the thing', level: 'MUST', area: 'shape', profile: 'mplus', spec: { doc: 'd', quote: 'q' }, run });
const proof: LatenessProof = {
  label: 'startSession',
  by: 'MP-TIM-001',
  words: '2 requests in a row ended past its 3000 ms budget',
  exchange: { seq: 3, label: 'startSession', request: { method: 'POST', url: 'http://127.0.0.1:9/x/startSession', headers: {}, body: '{}' }, timing: { startedAt: '2026-01-01T00:00:00.000Z', totalMs: 3300 } },
};
const ARB = fc.integer({ min: 0, max: 1000 });
const OPTS = { runs: 12, examples: [7, 500], seed: 99 };

/** The values a property of `opts` runs, in order, as a check's own property sees them. */
async function propertyValues(opts: typeof OPTS): Promise<number[]> {
  const seen: number[] = [];
  await runCheck(def((t) => t.property(ARB, async (v) => void seen.push(v), opts)), context(), 'r');
  return seen;
}

describe('a property run once for several checks', () => {
  it('runs the values a property of the same options would, in its order, examples first, and keeps what could not be sent', async () => {
    const shared = await context(7).runShared(
      ARB,
      async (v) => {
        if (v === 500) throw new NotSent('late', 'over-budget', proof);
        return v * 2;
      },
      OPTS,
    );
    const values = await propertyValues(OPTS);
    expect(shared.cases.map((c) => c.value)).toEqual(values);
    expect(values.slice(0, 2)).toEqual([7, 500]);
    expect(shared.cases[0].outcome).toBe(14);
    expect(shared.cases[1].notSent?.why).toBe('over-budget');
    expect(shared.cases.filter((c) => c.notSent)).toHaveLength(1);
  });

  it('lets what is not a NotSent crash the run of the cases', async () => {
    await expect(context().runShared(ARB, async () => Promise.reject(new Error('bug')), OPTS)).rejects.toThrow('bug');
  });

  it('judges each outcome as a case of the check: counted, left out when its label is proven over budget', async () => {
    const shared = await context(7).runShared(ARB, async (v) => (v === 500 ? Promise.reject(new NotSent('late', 'over-budget', proof)) : v), OPTS);
    const judged: number[] = [];
    const replayed: number[] = [];
    const r = await runCheck(
      def((t) =>
        t.judgeShared(ARB, shared, (n) => void judged.push(n), async (v) => void replayed.push(v)),
      ),
      context(),
      'r',
    );
    expect(r.status).toBe('pass');
    expect(r.cases).toEqual({ judged: 11, planned: 12, notExercised: 1 });
    expect(judged).toEqual(shared.cases.filter((c) => !c.notSent).map((c) => c.outcome));
    // Nothing failed: nothing is sent again.
    expect(replayed).toEqual([]);
  });

  it('replays the first failing case with the check’s own requests and shrinks it, with the path that replays it', async () => {
    const shared = await context(7).runShared(ARB, async (v) => v, OPTS);
    const firstBig = shared.cases.findIndex((c) => c.value > 100);
    expect(firstBig).toBeGreaterThanOrEqual(0);
    const replayed: number[] = [];
    const r = await runCheck(
      def((t) =>
        t.judgeShared(
          ARB,
          shared,
          (n) => {
            if (n > 100) t.fail(`${n} is too big`);
          },
          async (v) => {
            replayed.push(v);
            if (v > 100) t.fail(`${v} is too big`);
          },
        ),
      ),
      context(),
      'r',
    );
    expect(r.status).toBe('fail');
    // Shrunk to the smallest value that fails, from the first failing case's path.
    expect(r.failure?.counterexample).toBe(101);
    expect(r.failure?.path?.split(':')[0]).toBe(String(firstBig));
    expect(replayed[0]).toBe(shared.cases[firstBig].value);
    // Every case was judged once; replays count nothing.
    expect(r.cases).toEqual({ judged: 12, planned: 12 });
  });

  it('reports the failure as first found, unshrunk, when the check’s own replay passes', async () => {
    const shared: SharedProperty<number, number> = await context(7).runShared(ARB, async (v) => v, OPTS);
    const r = await runCheck(
      def((t) =>
        t.judgeShared(
          ARB,
          shared,
          (n) => {
            if (n === 7) t.fail('seven came back wrong');
          },
          async () => undefined,
        ),
      ),
      context(),
      'r',
    );
    expect(r.status).toBe('fail');
    expect(r.failure?.message).toBe('seven came back wrong');
    expect(r.failure?.counterexample).toBe(7);
    expect(r.failure?.path).toBe('0');
    expect(r.failure?.shrinks).toBe(0);
  });
});

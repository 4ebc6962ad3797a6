import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Secret } from '../secret.js';
import { check } from './check.js';
import { CheckContext } from './context.js';
import { DEFAULT_RUN_OPTIONS } from './options.js';
import { NotSent } from './failure.js';
import type { LatenessProof } from './over-budget.js';
import { runCheck } from './run-check.js';

const sub = { profile: 'mplus' as const, url: 'http://127.0.0.1:9/x', subscriptionId: 'x', subscriptionIdKnown: false, secret: new Secret('c2VjcmV0'), secretEncoding: 'base64' as const, events: [], topicUrls: {} };
const context = () => new CheckContext(sub, { ...DEFAULT_RUN_OPTIONS, seed: 1, runs: 4 }, 42);
const def = (run: (t: CheckContext) => Promise<void>) => check({ id: 'MP-TST-001', title: 'MUST do the thing', level: 'MUST', area: 'shape', profile: 'mplus', spec: { doc: 'd', quote: 'q' }, run });
/** Resolves after `ms`: kinds that end in another order than they started. */
const after = (ms: number) => new Promise((r) => setTimeout(r, ms));
const KINDS = ['a', 'b', 'c', 'd', 'e', 'f'];
/** The later a kind comes, the sooner it ends. */
const delay = (k: string) => 5 * (KINDS.length - KINDS.indexOf(k));

describe('perKind on lanes', () => {
  it('runs each kind on lane 1 + i % lanes and takes failures and warnings in the kinds order, not the order they ended', async () => {
    const lanes: Record<string, number> = {};
    const r = await runCheck(
      def((t) =>
        t.perKind(KINDS, (k) => k, async (k) => {
          lanes[k] = t.lane;
          await after(delay(k));
          t.warn(`warned by ${k}`);
          if (k === 'b' || k === 'e') t.fail(`broken in ${k}`);
        }, { lanes: 4 }),
      ),
      context(),
      'r',
    );
    expect(lanes).toEqual({ a: 1, b: 2, c: 3, d: 4, e: 1, f: 2 });
    expect(r.status).toBe('fail');
    expect(r.failure?.message).toBe('broken in b');
    expect(r.failure?.counterexamples?.map((c) => c.kind)).toEqual(['e']);
    expect(r.warnings).toEqual(KINDS.map((k) => `warned by ${k}`));
  });

  it('counts each kind’s cases apart: a kind left out (proven over budget) leaves out only its own open cases', async () => {
    const proof: LatenessProof = {
      label: 'startSession',
      by: 'MP-TIM-001',
      words: '2 requests in a row ended past its 3000 ms budget',
      exchange: { seq: 3, label: 'startSession', request: { method: 'POST', url: 'http://127.0.0.1:9/x/startSession', headers: {}, body: '{}' }, timing: { startedAt: '2026-01-01T00:00:00.000Z', totalMs: 3300 } },
    };
    const r = await runCheck(
      def((t) =>
        t.perKind(KINDS, (k) => k, async (k) => {
          // Two cases planned, judged at the end; kind c meets the slow label half-way, while others are open.
          t.plan(2);
          await after(delay(k));
          if (k === 'c') throw new NotSent('late', 'over-budget', proof);
          await after(delay(k));
          t.judged(2);
        }, { lanes: 3 }),
      ),
      context(),
      'r',
    );
    expect(r.status).toBe('pass');
    expect(r.cases).toEqual({ judged: 10, planned: 12, notExercised: 2 });
  });

  it('runs the kinds one at a time, on the lane running now, inside a property', async () => {
    const seen: number[] = [];
    await runCheck(def((t) => t.property(fc.constant(0), () => t.perKind(KINDS, (k) => k, async () => void seen.push(t.lane), { lanes: 4 }), { runs: 1 })), context(), 'r');
    expect(seen).toEqual(KINDS.map(() => 0));
  });
});

describe('properties on lanes', () => {
  it('reports the failed case of the lowest index, even when later cases failed first', async () => {
    const values: number[] = [];
    let firstPass = true;
    const r = await runCheck(
      def(async (t) => {
        await t.property(
          fc.integer({ min: 1, max: 1_000_000 }),
          async (v) => {
            if (!firstPass) return; // the replay passes: the case is reported as first found, unshrunk
            const k = values.push(v) - 1;
            // The later a case comes, the sooner it fails.
            await after(5 * (8 - k));
            if (k === 7) firstPass = false;
            t.fail(`broken at ${v}`);
          },
          { runs: 8, lanes: 4 },
        );
      }),
      context(),
      'r',
    );
    expect(values).toHaveLength(8);
    expect(r.status).toBe('fail');
    expect(r.failure).toMatchObject({ message: `broken at ${values[0]}`, counterexample: values[0], path: '0', shrinks: 0 });
  });

  it('replays and shrinks the failed case of the lowest index on lane 0', async () => {
    const r = await runCheck(
      def((t) => t.property(fc.integer({ min: 0, max: 1_000_000 }), async (v) => (v >= 10 ? t.fail(`too big: ${v}`) : undefined), { runs: 8, lanes: 4 })),
      context(),
      'r',
    );
    expect(r.status).toBe('fail');
    expect(r.failure).toMatchObject({ message: 'too big: 10', counterexample: 10 });
  });
});

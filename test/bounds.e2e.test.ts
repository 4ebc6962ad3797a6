import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mplusHandlers, newReplyState, referenceStages, type Stages } from '../src/reference/mplus/receiver.js';
import { serveHandlers, type ServedReceiver } from '../src/reference/server.js';
import { cli, statuses } from './helpers.js';

// Each round of a polling process or an external payment is judged against its own budget; the whole process
// against the run's bounds (rounds and time), so slow but correct receivers pass (issue 17, section 2).
const secret = randomBytes(32).toString('base64');
const setup = { secret, secretEncoding: 'base64' as const, subscriptionIds: [] };

/**
 * A cash machine that takes its time: every pollExternalPayment and backgroundPoll round is answered after
 * `holdMs`, and the payment is confirmed (the background job finished) on round `rounds`.
 */
function patient(holdMs: number, rounds: number): Stages {
  const ref = referenceStages(setup);
  const polls = new Map<string, number>();
  return {
    ...ref,
    async reply(event, body, state) {
      const id = String(body.externalPayment?.externalPaymentId ?? `${body.sender?.instanceId}/${body.sender?.workplaceNumber}`);
      if (event === 'pollExternalPayment' || event === 'backgroundPoll') {
        const n = (polls.get(id) ?? 0) + 1;
        await sleep(holdMs);
        const done = n >= rounds;
        polls.set(id, done ? 0 : n);
        if (event === 'backgroundPoll') return { status: 200, reply: { polling: { finished: done, message: done ? 'Done' : `Working ${n}/${rounds}` } } };
        if (polls.get(`cancelled:${id}`)) return { status: 200, reply: { externalPayment: { externalPaymentId: body.externalPayment!.externalPaymentId, cancelled: true } } };
        return { status: 200, reply: { externalPayment: { externalPaymentId: body.externalPayment!.externalPaymentId, ...(done ? { confirmed: true } : { messages: [{ message: `Insert the cash (${n}/${rounds})` }] }) } } };
      }
      if (event === 'requestCancelExternalPayment') polls.set(`cancelled:${id}`, 1);
      return ref.reply(event, body, state);
    },
  };
}

const served: Record<string, ServedReceiver> = {};
let config: string;
beforeAll(async () => {
  served.cashMachine = await serveHandlers(mplusHandlers(patient(700, 4), newReplyState()));
  served.longPoller = await serveHandlers(mplusHandlers(patient(1500, 3), newReplyState()));
  // Each round's budget (2 s) is far below the whole process (4 × 700 ms, 3 × 1.5 s).
  const budget = { budgetMs: 2000 };
  const dir = mkdtempSync(join(tmpdir(), 'hookcert-bounds-'));
  config = join(dir, 'hookcert.config.json');
  writeFileSync(config, JSON.stringify({ events: { startExternalPayment: {}, pollExternalPayment: budget, requestCancelExternalPayment: {}, cancelExternalPayment: {}, backgroundPoll: budget } }));
});
afterAll(async () => {
  for (const r of Object.values(served)) await r.close();
});

// The checks that judge a whole process (the others are not about its length).
const CHECKS = 'MP-EXT-002,MP-POL-002';
const run = (name: string, extra: string[] = []) =>
  cli(['run', '--url', served[name].url, '--config', config, '--seed', '3', '--runs', '2', '--check', CHECKS, ...extra], { HOOKCERT_SECRET: secret });

describe('receivers slower than one request budget in all, each round within it', () => {
  it('a slow cash machine (4 polls of 700 ms) passes', async () => {
    const out = await run('cashMachine');
    expect(out.results?.verdict, out.stdout).toBe('conformant');
    expect(Object.values(statuses(out.results)).every((s) => s === 'pass'), out.stdout).toBe(true);
  });

  it('a long poller (3 polls held 1.5 s) passes', async () => {
    const out = await run('longPoller', ['--check', 'MP-EXT-002']);
    expect(out.results?.verdict, out.stdout).toBe('conformant');
    expect(statuses(out.results)['MP-EXT-002']).toBe('pass');
  });

  it('the process bound is the run\'s, set by flags: fewer rounds than the cash machine needs fail', async () => {
    const out = await run('cashMachine', ['--max-payment-polls', '2', '--max-polling-rounds', '2']);
    expect(statuses(out.results)).toMatchObject({ 'MP-EXT-002': 'fail', 'MP-POL-002': 'fail' });
    expect(out.results!.checks.find((c) => c.id === 'MP-EXT-002')?.failure?.message).toMatch(/neither confirmed nor cancelled after 2 polls/);
  });
});

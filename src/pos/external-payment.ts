import { performance } from 'node:perf_hooks';
import type { CallbackServer } from './callback-server.js';
import type { Delivery, MplusContext } from './context.js';
import { sampledResponder } from './conversations.js';
import { tillFor } from './flows.js';
import { received } from './judge.js';
import type { Conversation, Till } from './till.js';
import { flowsPerCheck } from '../runner/options.js';

/**
 * The external payment flow as the POS runs it (seed 001, "Cash Machine Payment"; seed 002, "externalPayment"):
 * startExternalPayment until it is `started`, then pollExternalPayment ("a long-polling request … After a reply,
 * we also immediately resend the same request") until `confirmed` or `cancelled`; at a chosen point the POS user
 * may ask to cancel (requestCancelExternalPayment) or give up waiting (the courtesy cancelExternalPayment).
 */

/**
 * What the POS user does during the payment, after `at` polls (0: right after the start): wait for its end,
 * ask to cancel it, or give up on it; `start-only` gives up right after the start without judging what follows;
 * `forged-request-cancel`: a forger (another key) asks to cancel it, and the POS, which never asked, goes on polling.
 */
export interface PaymentPlan {
  at: number;
  action: 'wait' | 'request-cancel' | 'force-cancel' | 'start-only' | 'forged-request-cancel';
  /** Give a `callbackUrl` served by this server (src/pos/callback-url.ts). */
  callback?: CallbackServer;
}

/** How a payment flow went. */
export interface PaymentRun {
  externalPaymentId: string;
  till: Till;
  start: Conversation;
  polls: Conversation[];
  requestCancel?: Conversation;
  forcedCancel?: Conversation;
  /** The forger's requestCancelExternalPayment (`forged-request-cancel`). */
  forgedCancel?: Delivery;
  /** How many polls had been answered when the POS user acted. */
  actedAfter?: number;
  /**
   * Where the flow ended; `problem` says what went wrong when it did; `tolerated`, a refusal the reading of
   * the spec tolerates ended it (the warning in `tolerated`).
   */
  ended: 'confirmed' | 'cancelled' | 'not-started' | 'rounds' | 'time' | 'problem' | 'forced' | 'tolerated';
  tolerated?: string;
  problem?: { message: string; expected: string; conv: Conversation };
}

/**
 * Runs one external payment from a workplace in the payment screen, recorded as a flow. Each poll is judged
 * against pollExternalPayment's budget; the whole payment is bounded by the run's `paymentBounds` (rounds and
 * time: --max-payment-polls, --max-payment-time), since "This loop continues until (1) you let us know payment
 * succeeded, (2) you let us know payment didn't succeed or (3) a cancel request … is sent from the POS".
 */
export async function runExternalPayment(t: MplusContext, plan: PaymentPlan): Promise<PaymentRun> {
  const server = plan.callback;
  const template = t.request('startExternalPayment');
  const externalPaymentId = t.freshId('external-payment');
  const { till } = tillFor(t, template, `external payment ${externalPaymentId}`, { responder: sampledResponder(t.seed) });
  const session = till.session!;
  const given = template.externalPayment as { amount: number; method: string };
  const externalPayment = { externalPaymentId, amount: given.amount, method: given.method, ...(server ? { callbackUrl: server.url(externalPaymentId) } : {}) };
  session.paymentStarted = true;
  session.externalPayment = { externalPaymentId, amount: given.amount, method: given.method, status: 'requested' };
  const status = () => till.session!.externalPayment!.status;
  const send = (event: string) => till.send(event, { externalPayment }, { template });

  const start = await send('startExternalPayment');
  const out: PaymentRun = { externalPaymentId, till, start, polls: [], ended: 'problem' };
  const problem = (conv: Conversation, message: string, expected: string): PaymentRun => ({ ...out, ended: 'problem', problem: { message, expected, conv } });
  const refused = (conv: Conversation, message: string, expected: string): PaymentRun =>
    conv.refused?.tolerated ? { ...out, ended: 'tolerated', tolerated: conv.refused.tolerated } : problem(conv, message, expected);
  if (start.problem) return problem(start, start.problem.message, start.problem.expected);
  if (start.refused) return refused(start, `startExternalPayment was refused: ${start.refused.note}`, 'HTTP 200 acknowledging the payment');
  const ack = start.steps[start.steps.length - 1].reply.externalPayment;
  if (!ack)
    return problem(start, 'the reply to startExternalPayment carries no externalPayment object', `{"externalPayment": {"externalPaymentId": "${externalPaymentId}", "started": true}}`);
  if (status() === 'requested') return { ...out, ended: 'not-started' };
  if (plan.action === 'start-only') {
    if (status() === 'started' && t.event('cancelExternalPayment')) {
      till.session!.externalPayment!.status = 'forced-cancel';
      out.forcedCancel = await send('cancelExternalPayment');
    }
    return { ...out, ended: 'forced' };
  }

  const budget = t.event('pollExternalPayment')?.budgetMs ?? t.catalogue.get('pollExternalPayment').budgetMs;
  const bounds = t.options.paymentBounds;
  const began = performance.now();
  let acted = false;
  for (let round = 0; ; round++) {
    const s = status();
    if (s === 'confirmed' || s === 'cancelled') {
      return { ...out, ended: s };
    }
    if (!acted && plan.action !== 'wait' && round === plan.at) {
      acted = true;
      out.actedAfter = out.polls.length;
      if (plan.action === 'forged-request-cancel') {
        out.forgedCancel = await till.forge('requestCancelExternalPayment', { externalPayment }, template);
        continue;
      }
      if (plan.action === 'force-cancel') {
        till.session!.externalPayment!.status = 'forced-cancel';
        out.forcedCancel = await send('cancelExternalPayment');
        return { ...out, ended: 'forced' };
      }
      till.session!.externalPayment!.status = 'cancel-requested';
      out.requestCancel = await send('requestCancelExternalPayment');
      const rc = out.requestCancel;
      if (rc.problem) return problem(rc, rc.problem.message, rc.problem.expected);
      if (rc.refused) return refused(rc, `requestCancelExternalPayment was refused: ${rc.refused.note}`, 'HTTP 200 saying the payment was cancelled, or why it cannot be');
      continue;
    }
    if (out.polls.length >= bounds.maxRounds) return { ...out, ended: 'rounds' };
    if (performance.now() - began > bounds.maxMs) return { ...out, ended: 'time' };
    const poll = await send('pollExternalPayment');
    out.polls.push(poll);
    if (poll.problem) return problem(poll, poll.problem.message, poll.problem.expected);
    if (poll.refused) return refused(poll, `pollExternalPayment was refused: ${poll.refused.note}`, 'HTTP 200: a status message, or the payment confirmed or cancelled');
    const took = poll.steps[0].delivery.exchange.timing.totalMs;
    if (took > budget) return problem(poll, `pollExternalPayment took ${Math.round(took)} ms, over its ${budget} ms`, `a reply within ${budget} ms ("If you don't reply within 60 seconds, we immediately resend the same request")`);
  }
}

/** The flow in words: `start → started; poll 1 → in progress; requestCancel → cancelled`. */
export function paymentInWords(p: PaymentRun): string {
  const word = (c: Conversation) => c.steps.map((s) => s.note.split(';').slice(0, 3).join(';')).join(' / ');
  const parts = [`startExternalPayment → ${word(p.start)}`, ...p.polls.map((c, i) => `pollExternalPayment ${i + 1} → ${word(c)}`)];
  if (p.requestCancel) parts.push(`requestCancelExternalPayment → ${word(p.requestCancel)}`);
  if (p.forcedCancel) parts.push(`cancelExternalPayment → ${word(p.forcedCancel)}`);
  if (p.forgedCancel) parts.push(`a forger's requestCancelExternalPayment (after ${p.actedAfter} polls) → ${received(p.forgedCancel)}`);
  return parts.join('\n');
}

/**
 * How many polls a payment takes to end while the POS user waits, learnt from one payment: the points where
 * the POS user can still act are 0 (right after the start) to `polls - 1`. When no payment reaches its polls,
 * why (a `not exercised:` reason for the checks of what the POS user does).
 */
export async function pollsBeforeEnd(t: MplusContext): Promise<{ polls: number } | { reason: string }> {
  const p = await runExternalPayment(t, { action: 'wait', at: 0 });
  if (p.ended === 'tolerated') {
    t.warn(p.tolerated!);
    return { reason: 'a refusal the spec tolerates ended the payment before its polls' };
  }
  if (p.problem) return { reason: `the payment failed before the POS user could act (${p.problem.message}); MP-EXT-001/002 judge that` };
  if (p.ended === 'not-started') return { reason: 'the payment was never started (MP-EXT-001 judges that)' };
  if (p.polls.length === 0) return { reason: 'the payment ended at its start, before the POS user could act' };
  return { polls: p.polls.length };
}

/** How many payments a check runs: a few, more with `--runs`. */
export function paymentsPerCheck(t: MplusContext): number {
  return flowsPerCheck(t.options);
}

import { performance } from 'node:perf_hooks';
import { CallbackServer } from './callback-server.js';
import type { MplusContext } from './context.js';
import { sampledResponder } from './conversations.js';
import { tillFor } from './flows.js';
import type { Conversation, Till } from './till.js';

/**
 * The external payment flow as the POS runs it (seed 001, "Cash Machine Payment"; seed 002, "externalPayment"):
 * startExternalPayment until it is `started`, then pollExternalPayment ("a long-polling request … After a reply,
 * we also immediately resend the same request") until `confirmed` or `cancelled`; at a chosen point the POS user
 * may ask to cancel (requestCancelExternalPayment) or give up waiting (the courtesy cancelExternalPayment).
 */

/** How many pollExternalPayment rounds hookcert sends before it calls the payment unfinished. */
export const MAX_PAYMENT_POLLS = 20;

/**
 * What the POS user does during the payment, after `at` polls (0: right after the start): wait for its end,
 * ask to cancel it, or give up on it; `start-only` gives up right after the start without judging what follows.
 */
export interface PaymentPlan {
  at: number;
  action: 'wait' | 'request-cancel' | 'force-cancel' | 'start-only';
  /** Give a `callbackUrl` served by hookcert. */
  callback?: boolean;
}

/** How a payment flow went. */
export interface PaymentRun {
  externalPaymentId: string;
  till: Till;
  start: Conversation;
  polls: Conversation[];
  requestCancel?: Conversation;
  forcedCancel?: Conversation;
  /** How many polls had been answered when the POS user acted. */
  actedAfter?: number;
  /** Where the flow ended; `problem` says what went wrong when it did. */
  ended: 'confirmed' | 'cancelled' | 'not-started' | 'rounds' | 'time' | 'problem' | 'forced';
  problem?: { message: string; expected: string; conv: Conversation };
  /** Whether the callbackUrl was called once the final status was known (when one was given). */
  calledBack?: boolean;
}

/** Runs one external payment from a workplace in the payment screen, recorded as a flow. */
export async function runExternalPayment(t: MplusContext, plan: PaymentPlan): Promise<PaymentRun> {
  const server = plan.callback ? await CallbackServer.start() : undefined;
  try {
    return await run(t, plan, server);
  } finally {
    await server?.close();
  }
}

async function run(t: MplusContext, plan: PaymentPlan, server: CallbackServer | undefined): Promise<PaymentRun> {
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
  if (start.problem) return problem(start, start.problem.message, start.problem.expected);
  if (start.refused) return problem(start, `startExternalPayment was refused: ${start.refused.note}`, 'HTTP 200 acknowledging the payment');
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
  const began = performance.now();
  let acted = false;
  for (let round = 0; ; round++) {
    const s = status();
    if (s === 'confirmed' || s === 'cancelled') {
      const calledBack = server ? await server.waitFor(externalPaymentId, 1500) : undefined;
      return { ...out, ended: s, calledBack };
    }
    if (!acted && plan.action !== 'wait' && round === plan.at) {
      acted = true;
      out.actedAfter = out.polls.length;
      if (plan.action === 'force-cancel') {
        till.session!.externalPayment!.status = 'forced-cancel';
        out.forcedCancel = await send('cancelExternalPayment');
        return { ...out, ended: 'forced' };
      }
      till.session!.externalPayment!.status = 'cancel-requested';
      out.requestCancel = await send('requestCancelExternalPayment');
      const rc = out.requestCancel;
      if (rc.problem) return problem(rc, rc.problem.message, rc.problem.expected);
      if (rc.refused) return problem(rc, `requestCancelExternalPayment was refused: ${rc.refused.note}`, 'HTTP 200 saying the payment was cancelled, or why it cannot be');
      continue;
    }
    if (out.polls.length >= MAX_PAYMENT_POLLS) return { ...out, ended: 'rounds' };
    if (performance.now() - began > budget) return { ...out, ended: 'time' };
    const poll = await send('pollExternalPayment');
    out.polls.push(poll);
    if (poll.problem) return problem(poll, poll.problem.message, poll.problem.expected);
    if (poll.refused) return problem(poll, `pollExternalPayment was refused: ${poll.refused.note}`, 'HTTP 200: a status message, or the payment confirmed or cancelled');
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
  return parts.join('\n');
}

/** How many payments a check runs: a few, more with `--runs`. */
export function paymentsPerCheck(t: MplusContext): number {
  return Math.max(2, Math.ceil(t.options.runs / 8));
}

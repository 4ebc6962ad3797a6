/**
 * What the checks of "a rejected request has no effect on later events" share, in every stateful flow (an
 * external payment, a dialog answer, a session): a flow is run twice undisturbed, then once with a forger's
 * step in it (signed with another key); the valid requests after the forgery must be answered as they were
 * without it. Two undisturbed runs are the control: when they differ from each other, the endpoint's own state
 * moves from one flow to the next (a single-use voucher, a counter), and there is nothing to compare against.
 * @module
 */
import type { Delivery, MplusContext } from './context.js';
import { expectRejected, received } from './judge.js';
import type { Conversation } from './till.js';

/** An exchange's status in the terms compared: `2xx`, `4xx`, `no reply`. */
function statusClass(d: Delivery): string {
  return d.reply.missing ? 'no reply' : `${Math.floor(d.reply.status! / 100)}xx`;
}

/**
 * A conversation in the terms the forgery checks compare: per step, its kind, its status class and the reply
 * objects it carried (`event 2xx {dialog}`), and how it ended when it went wrong. Values (ids, texts,
 * captions) are not compared: they may differ from one session to the next.
 */
export function shapeOf(conv: Conversation): string {
  const steps = conv.steps.map((s) => `${s.kind} ${statusClass(s.delivery)} {${Object.keys(s.reply).sort().join(', ')}}`);
  return [...steps, ...(conv.problem ? [`(${conv.problem.kind})`] : [])].join(' / ');
}

/** The shapes of several conversations, one line each. */
export function shapesOf(convs: readonly Conversation[]): string {
  return convs.map((c) => `${c.event}: ${shapeOf(c)}`).join('\n');
}

/** The forger's request was refused, as a badly signed request must be (MP-SIG-005's rule), before its effect is judged. */
export function expectForgeryRefused(t: MplusContext, d: Delivery, what: string): void {
  expectRejected(t, d, ['INVALID_SIGNATURE'], `${what} (a forger's, signed with another key)`);
}

/** Why a case was not compared: the two undisturbed runs of the flow differed. */
export function unstable(first: string, second: string): string {
  return `the same flow, run twice without a forgery, was answered differently (${first.split('\n')[0]} · then · ${second.split('\n')[0]}), so there is no undisturbed answer to compare with`;
}

/** The forged delivery in the words of a failure. */
export function forgeryInWords(d: Delivery): string {
  return `the forger's ${d.event} → ${received(d)}`;
}

import type { ReplyObject } from '../generated/mplus/events.js';
import type { MplusRequest } from '../protocol/mplus/requests.js';
import type { FlowRecord } from '../runner/types.js';
import type { MplusContext } from './context.js';
import { FLOWS } from './coverage.js';
import { received } from './judge.js';
import { PosSession, type SessionLine } from './session.js';
import { answerOf, Till, type Conversation, type Responder } from './till.js';

/**
 * What the flow checks share: a workplace set up from a generated request, finding the events whose replies
 * open a conversation (a dialog, a form), and failures that show the exchanges of a conversation in order.
 */

/** The session of a generated request as the POS would hold it (every line rung up by the POS user), under a fresh id. */
export function sessionFrom(t: MplusContext, request: MplusRequest): PosSession | undefined {
  const s = request.session;
  if (!s) return undefined;
  const session = new PosSession(t.freshId('session'));
  session.lines = (s.lines ?? []).map((line) => ({ line: structuredClone(line), origin: 'pos' as const }));
  if (s.relation) session.relation = structuredClone(s.relation);
  if (s.table) session.table = structuredClone(s.table);
  if (Array.isArray(s.payments)) session.payments = structuredClone(s.payments);
  session.paymentStarted = request.sender.paymentStarted === true;
  return session;
}

/** A workplace holding the session of `template`, recording its exchanges as the flow `name`. */
export function tillFor(t: MplusContext, template: MplusRequest, name: string, opts: { responder?: Responder; workplace?: number } = {}): { till: Till; flow: FlowRecord } {
  const flow = t.flow(name);
  const till = new Till(t, opts.workplace ?? 0, { flow, responder: opts.responder });
  till.open(sessionFrom(t, template));
  return { till, flow };
}

/** Subscribed events whose replies may carry `object`, interactive ones first (not the long-poll or courtesy events). */
export function eventsAllowing(t: MplusContext, object: ReplyObject): string[] {
  return t
    .events()
    .map((e) => t.catalogue.get(e.name))
    .filter((e) => e.replyObjects.includes(object) && e.class !== 'long-poll' && e.class !== 'courtesy')
    .sort((a, b) => Number(b.class === 'interactive') - Number(a.class === 'interactive'))
    .map((e) => e.name);
}

/**
 * Requests whose reply carries `object` (a dialog, a form): those the exploration phase found, when it ran;
 * else (a context without exploration) generated requests, each event that allows it tried with up to `tries`
 * requests, until `wanted` are found. The conversation itself is not followed.
 */
export async function probe(t: MplusContext, object: 'dialog' | 'form', opts: { tries?: number; wanted?: number } = {}): Promise<Array<{ event: string; template: MplusRequest }>> {
  if (t.explored) return t.explored.of(object).map(({ event, template }) => ({ event, template }));
  const found: Array<{ event: string; template: MplusRequest }> = [];
  for (const event of eventsAllowing(t, object)) {
    for (let i = 0; i < (opts.tries ?? 6) && found.length < (opts.wanted ?? 3); i++) {
      const template = t.request(event);
      const till = new Till(t, 0);
      till.open(sessionFrom(t, template));
      const conv = await till.send(event, {}, { template });
      // The first reply that asks it (a polling event may ask it in a later round).
      if (conv.steps.some((s) => s.reply[object])) found.push({ event, template });
    }
    if (found.length >= (opts.wanted ?? 3)) break;
  }
  return found;
}

/**
 * Why a flow was not reached, as the reason of a skip: what was tried, and what to configure
 * (`not exercised: no reply carried a dialog (exploration sent 96 requests …); list the articles …`).
 */
export function notReached(t: MplusContext, flow: string, what: string, blind: string): string {
  return notExercised(t, what, blind, FLOWS.find((f) => f.flow === flow)?.hint);
}

/**
 * The reason of a skip for want of a reply to judge: `not exercised: <what> (<what was tried>); <hint>`. `blind`
 * says what the check tried itself when no exploration ran.
 */
export function notExercised(t: MplusContext, what: string, blind: string, hint?: string): string {
  const tried = t.explored ? t.explored.tried() : blind;
  return `not exercised: ${what} (${tried})${hint ? `; ${hint}` : ''}`;
}

/** The exchanges of a conversation, in order, in a line each: what was sent and what came back. */
export function sequence(conv: Conversation): string {
  return conv.steps.map((s, i) => `${i + 1}. ${conv.event}${answerOf(s)} → ${received(s.delivery)}`).join('\n');
}

/**
 * A valid request of the conversation was refused with a 4xx: a refusal the reading of the spec tolerates
 * warns and returns true (the conversation could not be judged further); any other refusal fails.
 * Returns false when nothing was refused.
 */
export function expectNotRefused(t: MplusContext, conv: Conversation, what: string, expected: string): boolean {
  const refused = conv.refused;
  if (!refused) return false;
  if (refused.tolerated) {
    t.warn(refused.tolerated);
    return true;
  }
  t.fail(`${what}: ${conv.event}${answerOf(refused)} was refused with ${received(refused.delivery)}`, { expected, received: sequence(conv) });
}

/** Fails with the conversation's problem, showing its exchanges in order. */
export function failConversation(t: MplusContext, conv: Conversation, context: string): never {
  const p = conv.problem!;
  t.fail(`${context}: ${p.message}`, { expected: p.expected, received: sequence(conv) });
}

import type { MplusRequest } from '../protocol/mplus/requests.js';
import type { MplusContext } from './context.js';
import { expectNotRefused, failConversation, tillFor } from './flows.js';
import type { Conversation, SendOptions } from './till.js';
import { flowsPerCheck } from '../runner/options.js';

/**
 * Polling processes as the POS runs them (seed 003): "the event call to your endpoint will be repeated until
 * you reply that the polling can be finished, or the POS user manually cancels the process"; `backgroundPoll`
 * is "always blocking and polling" and carries no session.
 */

/**
 * The subscribed events the POS polls: those subscribed as polling, those that always poll, and the event the
 * polling probe found polling when asked (the subscription left it open), in catalogue order.
 */
export function pollingEvents(t: MplusContext): string[] {
  return t
    .events()
    .filter((e) => e.polling || t.catalogue.get(e.name).polling === 'always' || askedToPoll(t, e.name))
    .map((e) => e.name);
}

/** The polling probe found `event` polling when asked (`eventPolling: true`) where the subscription did not say. */
function askedToPoll(t: MplusContext, event: string): boolean {
  const p = t.explored?.pollingProbe;
  return p?.event === event && p.polls;
}

/**
 * Skips a polling check when nothing polls, saying what was tried and what to configure; the polling checks
 * call it first (whether an event polls is the subscription's choice, and the probe's finding).
 */
export function skipUnlessPolling(t: MplusContext): void {
  if (pollingEvents(t).length > 0) return;
  const p = t.explored?.pollingProbe;
  const probed = p ? `, and ${p.event} answered eventPolling: true without a polling object` : '';
  t.skip(`not exercised: no subscribed event polls${probed}; set \`polling: true\` for the events that poll in hookcert.config.json (or subscribe backgroundPoll) to certify polling`);
}

/** A request of a polling process that ran several rounds, found by exploration for `event`, if any. */
export function unfinishedOpener(t: MplusContext, event: string): MplusRequest | undefined {
  return t.explored?.of('polling.unfinished').find((o) => o.event === event)?.template;
}

/** How many polling processes each check runs per event: a few, more with `--runs`. */
export function processesPerEvent(t: MplusContext): number {
  return flowsPerCheck(t.options);
}

/**
 * Runs one polling process of `event` from a workplace holding the session of `template` (else a generated
 * one), recorded as a flow. An event that polls only because the probe found it polling is sent with
 * `eventPolling: true`.
 */
export async function pollingProcess(t: MplusContext, event: string, opts: SendOptions['polling'] = {}, workplace = 0, given?: MplusRequest): Promise<Conversation> {
  const template = given ?? t.request(event, askedToPoll(t, event) ? { polling: true } : {});
  const { till } = tillFor(t, template, `polling ${event}`, { workplace });
  return till.send(event, {}, { template, polling: opts });
}

/**
 * Fails on what makes any polling process unusable for the POS (no reply, a 5xx, an invalid reply, a refusal).
 * Returns false when a refusal the reading of the spec tolerates ended the process (a warning): nothing more to judge.
 */
export function expectServed(t: MplusContext, conv: Conversation, what: string): boolean {
  if (conv.problem && conv.problem.kind !== 'polling-bound' && conv.problem.kind !== 'no-polling-object') failConversation(t, conv, what);
  return !expectNotRefused(t, conv, what, `HTTP 200 with a polling object: a valid, correctly signed ${conv.event} is accepted`);
}

/** The rounds of a polling process in words: `3 rounds: "Processing… 33%", "Processing… 67%", "Done"`. */
export function roundsInWords(conv: Conversation): string {
  const p = conv.polling;
  if (!p) return 'no polling round';
  const shown = p.messages.slice(0, 6).map((m) => JSON.stringify(m.slice(0, 60)));
  return `${p.rounds} round${p.rounds === 1 ? '' : 's'}, ended ${p.ended}${shown.length > 0 ? `: ${shown.join(', ')}` : ''}`;
}

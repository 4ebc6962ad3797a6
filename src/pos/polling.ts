import type { MplusContext } from './context.js';
import { expectNotRefused, failConversation, tillFor } from './flows.js';
import type { Conversation, SendOptions } from './till.js';

/**
 * Polling processes as the POS runs them (seed 003): "the event call to your endpoint will be repeated until
 * you reply that the polling can be finished, or the POS user manually cancels the process"; `backgroundPoll`
 * is "always blocking and polling" and carries no session.
 */

/** The subscribed events the POS polls: those subscribed as polling, and those that always poll. */
export function pollingEvents(t: MplusContext): string[] {
  return t
    .events()
    .filter((e) => e.polling || t.catalogue.get(e.name).polling === 'always')
    .map((e) => e.name);
}

/** How many polling processes each check runs per event: a few, more with `--runs`. */
export function processesPerEvent(t: MplusContext): number {
  return Math.max(2, Math.ceil(t.options.runs / 8));
}

/** Runs one polling process of `event` from a workplace holding a generated session, recorded as a flow. */
export async function pollingProcess(t: MplusContext, event: string, opts: SendOptions['polling'] = {}, workplace = 0): Promise<Conversation> {
  const template = t.request(event);
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

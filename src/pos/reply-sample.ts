/**
 * The replies of every subscribed event to correctly signed, valid requests, delivered once per run and judged
 * by every check that reads replies ({@link everyReply}): eight checks read the same kind of reply, so they
 * read the same replies instead of sending eight sets of requests.
 */
import type { SharedProperty } from '../runner/context.js';
import { deriveSeed } from '../runner/seed.js';
import type { MplusRequest } from '../protocol/mplus/requests.js';
import type { Delivery, MplusContext } from './context.js';
import { exploredRequests } from './explored.js';
import { perEventStage, type EventStage } from './stage.js';

/** The name of the run's stage that delivers the sample. */
export const REPLY_SAMPLE = 'every reply';

/** The cases of one event: generated requests and what their delivery gave. */
export type EventReplies = SharedProperty<MplusRequest, Delivery>;

/**
 * The run's reply sample ({@link REPLY_SAMPLE}), started by the first check that asks. Each subscribed event
 * gets half of `--runs` generated requests (at least 3), so rare reply objects (dialogs, forms, discounts) get
 * their chance in every event, after the requests exploration found opening a flow of the event (up to 4).
 * The requests of an event go one after the other, events side by side ({@link perEventStage}).
 */
export function replySample(t: MplusContext): EventStage<EventReplies> {
  return perEventStage(t, REPLY_SAMPLE, (s, event) => {
    const examples = exploredRequests(s, event, 4);
    const opts = { runs: Math.max(3, Math.ceil(s.options.runs / 2)) + examples.length, examples, seed: deriveSeed(s.seed, `${REPLY_SAMPLE}:${event}`) };
    return s.runShared(s.requests(event), (request) => s.deliver(event, request), opts);
  });
}

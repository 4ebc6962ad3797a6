import { CASE_LANES, type Delivery, type MplusContext } from './context.js';
import { exploredRequests } from './explored.js';
import { tillFor } from './flows.js';
import { perEventStage } from './stage.js';
import { flowsPerCheck } from '../runner/options.js';
import type { FlowRecord } from '../runner/types.js';

/** The name of the run's stage that delivers the events twice. */
export const REDELIVERY_STAGE = 'redelivered events';

/** One event delivered twice: the delivery whose reply was lost, the re-delivery, and the flow that lived them. */
interface Pair {
  first?: Delivery;
  second?: Delivery;
  /** Every delivery of the conversation (the re-delivery's polls included). */
  deliveries: Delivery[];
  flow: FlowRecord;
}

/**
 * Events delivered twice, as the POS does when a reply is lost on the way: the same bytes again (same
 * eventCounter, same instanceId). For each subscribed event a few times, `judge` gets both deliveries; a
 * pair where either got no reply is not judged. The pairs are delivered once per run for every check that
 * judges them (a stage: events side by side); each failing event shows its own failure (`t.perKind`).
 */
export async function redeliveredPairs(t: MplusContext, judge: (event: string, first: Delivery, second: Delivery) => void): Promise<void> {
  const events = t.events().map((e) => e.name);
  if (events.length === 0) t.skip('no event is subscribed');
  const pairs = perEventStage(t, REDELIVERY_STAGE, async (s, event) => {
    const out: Pair[] = [];
    // What exploration found opening a flow of the event first (a line added, a discount given: replies with ids
    // of their own), so an endpoint that makes up ids only for its own data is seen under every seed.
    const explored = exploredRequests(s, event, 1);
    for (let i = 0; i < flowsPerCheck(s.options); i++) {
      const template = explored[i] ?? s.request(event);
      const { till, flow } = tillFor(s, template, `${event} delivered twice`);
      const conv = await till.send(event, {}, { template, redeliver: true, polling: { cancelAfter: 1 } });
      const deliveries = [...(conv.lost ? [conv.lost] : []), ...conv.steps.map((step) => step.delivery)];
      out.push({ first: conv.lost, second: conv.steps[0]?.delivery, deliveries, flow });
    }
    return out;
  });
  await t.perKind(events, (e) => e, async (event) => {
    for (const { first, second, deliveries, flow } of await pairs.of(event)) {
      t.plan();
      t.adoptFlow(flow);
      for (const d of deliveries) t.adopt(d);
      if (!first || !second || first.reply.missing || second.reply.missing) {
        t.unjudged(`a delivery of ${event} got no complete reply, so its re-delivery could not be compared (MP-TIM-001 judges replies that do not come)`);
        continue;
      }
      judge(event, first, second);
      t.judged();
    }
  }, { lanes: CASE_LANES });
}

import { CASE_LANES, type Delivery, type MplusContext } from './context.js';
import { tillFor } from './flows.js';
import { flowsPerCheck } from '../runner/options.js';

/**
 * Events delivered twice, as the POS does when a reply is lost on the way: the same bytes again (same
 * eventCounter, same instanceId). For each subscribed event a few times, `judge` gets both deliveries; a
 * pair where either got no reply is not judged. Each failing event shows its own failure (`t.perKind`).
 */
export async function redeliveredPairs(t: MplusContext, name: string, judge: (event: string, first: Delivery, second: Delivery) => void): Promise<void> {
  const events = t.events().map((e) => e.name);
  if (events.length === 0) t.skip('no event is subscribed');
  const perEvent = flowsPerCheck(t.options);
  await t.perKind(events, (e) => e, async (event) => {
    for (let i = 0; i < perEvent; i++) {
      t.plan();
      const template = t.request(event);
      const { till } = tillFor(t, template, `${event} ${name}`);
      const conv = await till.send(event, {}, { template, redeliver: true, polling: { cancelAfter: 1 } });
      const first = conv.lost;
      const second = conv.steps[0]?.delivery;
      if (!first || !second || first.reply.missing || second.reply.missing) {
        t.unjudged(`a delivery of ${event} got no complete reply, so its re-delivery could not be compared (MP-TIM-001 judges replies that do not come)`);
        continue;
      }
      judge(event, first, second);
      t.judged();
    }
  }, { lanes: CASE_LANES });
}

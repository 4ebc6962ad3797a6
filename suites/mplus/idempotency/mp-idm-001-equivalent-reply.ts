import { describeDifference, replyDifferences } from '../../../src/pos/equivalence.js';
import { tillFor } from '../../../src/pos/flows.js';
import { received } from '../../../src/pos/judge.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-IDM-001',
  title: 'MUST answer a re-delivered event (same eventCounter, same instanceId) with an equivalent reply',
  level: 'MUST',
  area: 'idempotency',
  spec: { doc: SPEC.reference, quote: 'event.eventCounter | int | An increasing counter that helps you check if you already processed an event.' },
  async run(t) {
    const events = t.events().map((e) => e.name);
    if (events.length === 0) t.skip('no event is subscribed');
    const perEvent = Math.max(2, Math.ceil(t.options.runs / 8));
    for (const event of events) {
      for (let i = 0; i < perEvent; i++) {
        // The first reply is lost on the way; the POS delivers the very same bytes again.
        const template = t.request(event);
        const { till } = tillFor(t, template, `${event} delivered twice`);
        const conv = await till.send(event, {}, { template, redeliver: true, polling: { cancelAfter: 1 } });
        const first = conv.lost;
        const second = conv.steps[0]?.delivery;
        if (!first || !second || first.reply.missing || second.reply.missing) continue;
        const diffs = replyDifferences(first, second);
        const fatal = diffs.filter((d) => d.fatal);
        if (fatal.length > 0)
          t.fail(`${event} delivered twice (eventCounter ${first.request?.event.eventCounter}) got replies that act differently: ${fatal.map(describeDifference).join('; ')}`, {
            expected: 'the same reply, or one the POS acts on in the same way: the event was processed once',
            received: `first: ${received(first)}\nsecond: ${received(second)}`,
            exchanges: [first.exchange, second.exchange],
          });
        if (diffs.length > 0) t.warn(`${event} delivered twice got replies that differ in what they show: ${diffs.map(describeDifference).join('; ')}`);
      }
    }
  },
});

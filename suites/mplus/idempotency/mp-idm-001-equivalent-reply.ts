import { describeDifference, replyDifferences } from '../../../src/pos/equivalence.js';
import { received } from '../../../src/pos/judge.js';
import { REDELIVERY_STAGE, redeliveredPairs } from '../../../src/pos/redelivery.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-IDM-001',
  title: 'MUST answer a re-delivered event (same eventCounter, same instanceId) with an equivalent reply',
  level: 'MUST',
  area: 'idempotency',
  shares: REDELIVERY_STAGE,
  spec: { doc: SPEC.reference, quote: 'event.eventCounter | int | An increasing counter that helps you check if you already processed an event.' },
  long: true,
  async run(t) {
    // The first reply is lost on the way; the POS delivers the very same bytes again.
    await redeliveredPairs(t, (event, first, second) => {
      const diffs = replyDifferences(first, second);
      const fatal = diffs.filter((d) => d.fatal);
      if (fatal.length > 0)
        t.fail(`${event} delivered twice (eventCounter ${first.request?.event.eventCounter}) got replies that act differently: ${fatal.map(describeDifference).join('; ')}`, {
          expected: 'the same reply, or one the POS acts on in the same way: the event was processed once',
          received: `first: ${received(first)}\nsecond: ${received(second)}`,
          exchanges: [first.exchange, second.exchange],
        });
      // Named by where they differ, not by what they say: the same warning under every seed.
      if (diffs.length > 0) t.warn(`${event} delivered twice got replies that differ only in what the POS shows (${diffs.map((d) => d.path).join(', ')})`);
    });
  },
});

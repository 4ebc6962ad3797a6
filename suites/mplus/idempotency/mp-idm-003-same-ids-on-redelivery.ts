import { newIds } from '../../../src/pos/equivalence.js';
import { received } from '../../../src/pos/judge.js';
import { REDELIVERY_STAGE, redeliveredPairs } from '../../../src/pos/redelivery.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-IDM-003',
  title: 'SHOULD answer a re-delivered event with the same ids it made up the first time (the lineId of an added line, a discountId)',
  level: 'SHOULD',
  area: 'idempotency',
  shares: REDELIVERY_STAGE,
  spec: {
    doc: SPEC.reference,
    quote: 'event.eventCounter | int | An increasing counter that helps you check if you already processed an event. … externalDiscount.discountId | uuid | This is a UUID you generate and store to remember that you applied this discount.',
  },
  long: true,
  async run(t) {
    // The POS applies only the reply it receives, so MP-IDM-001 lets new ids pass; but new ids show the event
    // was processed twice on the integrator's side (its stamps, its reservations).
    await redeliveredPairs(t, (event, first, second) => {
      const ids = newIds(first, second);
      if (ids.length > 0)
        t.fail(`${event} delivered twice (eventCounter ${first.request?.event.eventCounter}) got new ids the second time: ${ids.map((i) => i.path).join(', ')}`, {
          expected: 'the ids of the first reply again: a re-delivery is recognised by its eventCounter and instanceId, and processed once',
          received: `${ids.map((i) => `${i.path}: ${JSON.stringify(i.first)} the first time, ${JSON.stringify(i.second)} the second`).join('; ')}\nfirst: ${received(first)}\nsecond: ${received(second)}`,
          exchanges: [first.exchange, second.exchange],
        });
    });
  },
});

import type { SwDelivery } from '../../../src/protocol/standard-webhooks/context.js';
import { accepted, expectAccepted, expectNoServerError, received } from '../../../src/protocol/standard-webhooks/judge.js';
import { QUOTE, SPEC, swCheck, typesOf } from '../check.js';

export default swCheck({
  id: 'SW-IDM-001',
  title: "MUST accept (2xx) a sender's retry of a delivery it already took: the same webhook-id and body, a new timestamp and signature",
  level: 'MUST',
  area: 'idempotency',
  spec: { doc: SPEC.facts, quote: QUOTE.idempotency },
  async run(t) {
    // Every type once, then every one again in reverse order: retries come late, after other deliveries.
    const first: SwDelivery[] = [];
    for (const type of typesOf(t)) {
      const d = await t.send(type);
      expectAccepted(t, d, `${type} (first delivery)`);
      first.push(d);
    }
    for (const d of [...first].reverse()) {
      const again = await t.redeliver(d);
      expectNoServerError(t, again, `${d.type} retried`);
      if (!accepted(again))
        t.fail(`${d.type}: the retry of a delivery already taken was refused`, {
          expected: `a 2xx, as the first delivery got (${received(d)}): a refused retry is retried again, then the endpoint disabled`,
          received: received(again),
          exchanges: [d.exchange, again.exchange],
        });
    }
  },
});

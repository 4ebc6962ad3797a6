import type { KopokopoDelivery } from '../../../src/protocol/kopokopo/context.js';
import { acknowledged, expectAcknowledged, expectNoServerError, received } from '../../../src/protocol/kopokopo/judge.js';
import { kopokopoCheck, QUOTE, SPEC } from '../check.js';

export default kopokopoCheck({
  id: 'KK-IDM-001',
  title: 'MUST give a re-delivered event (same id, same bytes, same signature) the same answer as the first delivery: acknowledged',
  level: 'MUST',
  area: 'idempotency',
  spec: { doc: SPEC.facts, quote: QUOTE.idempotent },
  async run(t) {
    if (t.topics().length === 0) t.skip('no topic is subscribed');
    // Every topic once, then every one again in reverse order: re-deliveries come late, after other events.
    const first: KopokopoDelivery[] = [];
    for (const { name } of t.topics()) {
      const d = await t.deliver(name, t.payload(name));
      expectAcknowledged(t, d, `${name} (first delivery)`);
      first.push(d);
    }
    for (const d of [...first].reverse()) {
      const again = await t.deliver(d.topic, undefined, { raw: d.body });
      expectNoServerError(t, again, `${d.topic} re-delivered`);
      if (!acknowledged(again) || again.reply.status !== d.reply.status)
        t.fail(`${d.topic}: the re-delivered event got another answer than the first delivery`, {
          expected: `the same answer as the first delivery (${received(d)}): a re-delivery is acknowledged, or Kopo Kopo keeps retrying it`,
          received: received(again),
          exchanges: [d.exchange, again.exchange],
        });
    }
  },
});

import { kopokopoCatalogue } from '../../../src/protocol/kopokopo/catalogue.js';
import { expectAcknowledged } from '../../../src/protocol/kopokopo/judge.js';
import { kopokopoCheck, QUOTE, SPEC } from '../check.js';

/** Creation times, newest first: the order they are delivered in (Kopo Kopo does not order deliveries). */
const CREATED_AT = ['2024-03-14T18:21:07+03:00', '2024-03-14T17:21:07+03:00', '2024-03-13T09:05:44+03:00'];

/** Reversal topics and the topic of the transaction they reverse. */
const REVERSES: Record<string, string> = {
  buygoods_transaction_reversed: 'buygoods_transaction_received',
  b2b_transaction_reversed: 'b2b_transaction_received',
};

export default kopokopoCheck({
  id: 'KK-IDM-002',
  title: 'MUST acknowledge webhooks delivered out of order (older created_at after newer, a reversal before the transaction it reverses)',
  level: 'MUST',
  area: 'idempotency',
  spec: { doc: SPEC.facts, quote: QUOTE.idempotent },
  appliesTo: (sub) => sub.events.some((e) => kopokopoCatalogue().get(e.name).kind === 'webhook') || 'no webhook topic is subscribed',
  async run(t) {
    const webhooks = t.topicsOf('webhook').map((e) => e.name);
    for (const name of webhooks) {
      for (const [i, createdAt] of CREATED_AT.entries()) {
        const d = await t.deliver(name, { ...t.payload(name), created_at: createdAt });
        expectAcknowledged(t, d, i === 0 ? `${name} created ${createdAt}` : `${name} created ${createdAt}, delivered after ${i} newer one${i === 1 ? '' : 's'}`);
      }
    }
    for (const [reversal, original] of Object.entries(REVERSES)) {
      if (!webhooks.includes(reversal) || !webhooks.includes(original)) continue;
      // The reversal arrives first; then the transaction it reverses (same resource id and reference).
      const rev = t.webhook(reversal);
      const txn = t.webhook(original);
      txn.event.resource.id = rev.event.resource.id;
      txn.event.resource.reference = rev.event.resource.reference;
      txn.created_at = CREATED_AT[2];
      rev.created_at = CREATED_AT[0];
      expectAcknowledged(t, await t.deliver(reversal, rev), `${reversal} before its transaction`);
      expectAcknowledged(t, await t.deliver(original, txn), `${original} after its own reversal`);
    }
  },
});

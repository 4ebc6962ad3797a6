import type { SwDelivery } from '../../../src/protocol/standard-webhooks/context.js';
import { accepted, expectAccepted, expectNoServerError, received, statusOf } from '../../../src/protocol/standard-webhooks/judge.js';
import { QUOTE, SPEC, swCheck, typesOf } from '../check.js';

export default swCheck({
  id: 'SW-IDM-001',
  // Two readings of "webhook-id as the idempotency key" are accepted: answer the retry as the first delivery
  // (2xx), or refuse an id already seen (4xx, replay protection). A refusal warns: the sender reads it as a failed
  // delivery and retries again. Only a crash or a hang on the duplicate id fails.
  title: "MUST answer a sender's retry of a delivery it already took (the same webhook-id and body, a new timestamp and signature) with a 2xx or a 4xx, never a 5xx or a hang",
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
    const refusedRetries: SwDelivery[] = [];
    for (const d of [...first].reverse()) {
      const again = await t.redeliver(d);
      expectNoServerError(t, again, `${d.type} retried under its webhook-id (first: ${received(d)})`);
      if (!accepted(again)) refusedRetries.push(again);
    }
    if (refusedRetries.length > 0)
      t.warn(
        `${refusedRetries.length} retries of deliveries already taken were refused (${refusedRetries.map((d) => `${d.type}: ${statusOf(d)}`).join(', ')}): accepted as replay protection, but a sender reads a 4xx as a failed delivery and retries again; answering the first answer (2xx) is the idempotency-key reading`,
      );
  },
});

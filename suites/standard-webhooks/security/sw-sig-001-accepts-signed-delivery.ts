import { accepted, expectAccepted, received, refused } from '../../../src/protocol/standard-webhooks/judge.js';
import type { SwContext, SwDelivery } from '../../../src/protocol/standard-webhooks/context.js';
import { QUOTE, SPEC, swCheck, typesOf } from '../check.js';

/** Diagnosis of a refused delivery: does the endpoint key the HMAC with the secret's text (`whsec_…` undecoded)? */
async function diagnose(t: SwContext, d: SwDelivery): Promise<void> {
  const retry = await t.redeliver(d, { forged: 'secret-read-otherwise' });
  if (accepted(retry))
    t.fail(`${d.type}: the endpoint keys the HMAC with the secret's text, but the key is the base64 after whsec_`, {
      expected: 'the v1 HMAC-SHA256 keyed with the base64-decoded secret is accepted',
      received: `${received(d)}; the same delivery signed with the secret's text as key was accepted`,
      exchanges: [d.exchange, retry.exchange],
    });
}

export default swCheck({
  id: 'SW-SIG-001',
  title: 'MUST accept (2xx) a correctly signed delivery (webhook-id, webhook-timestamp now, one v1 signature) of every subscribed event type',
  level: 'MUST',
  area: 'security',
  spec: { doc: SPEC.facts, quote: QUOTE.headers },
  order: 'early',
  async run(t) {
    for (const type of typesOf(t)) {
      const d = await t.send(type);
      if (refused(d)) await diagnose(t, d);
      expectAccepted(t, d, type);
    }
  },
});

import { acknowledged, expectAcknowledged, received, refused } from '../../../src/protocol/kopokopo/judge.js';
import type { KopokopoContext, KopokopoDelivery } from '../../../src/protocol/kopokopo/context.js';
import type { MacEncoding } from '../../../src/protocol/forgery.js';
import { kopokopoCheck, QUOTE, SPEC } from '../check.js';

/** Other encodings of the right HMAC: when one of them is accepted instead, the receiver expects it. */
const ENCODINGS: Array<{ name: string; encoding: MacEncoding }> = [
  { name: 'base64', encoding: 'base64' },
  { name: 'uppercase hex', encoding: 'uppercase-hex' },
];

/** Diagnosis of a refused delivery: does the endpoint want the signature in another encoding? */
async function diagnose(t: KopokopoContext, d: KopokopoDelivery): Promise<void> {
  for (const e of ENCODINGS) {
    const retry = await t.redeliver(d, { forged: { encoding: e.encoding } });
    if (acknowledged(retry))
      t.fail(`${d.topic}: the endpoint expects the signature as ${e.name}, but Kopo Kopo sends lowercase hex`, {
        expected: 'the lowercase hex HMAC-SHA256 of the body, keyed with the API key, is accepted',
        received: `${received(d)}; the same body with the signature as ${e.name} was accepted`,
        exchanges: [d.exchange, retry.exchange],
      });
  }
}

export default kopokopoCheck({
  id: 'KK-SIG-001',
  title: 'MUST acknowledge (2xx) a correctly signed delivery of every subscribed topic and callback',
  level: 'MUST',
  area: 'security',
  spec: { doc: SPEC.facts, quote: QUOTE.delivery },
  order: 'early',
  async run(t) {
    for (const { name } of t.topics()) {
      // incoming_payment: the success and the failure callback, each once.
      for (const variant of t.topic(name).variants) {
        const d = await t.deliver(name, t.payload(name, { variant }));
        if (refused(d)) await diagnose(t, d);
        expectAcknowledged(t, d, t.topic(name).variants.length > 1 ? `${name} (${variant.split('/').pop()})` : name);
      }
    }
  },
});

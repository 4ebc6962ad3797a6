import type { KopokopoContext, KopokopoDelivery } from '../../../src/protocol/kopokopo/context.js';
import { acknowledged, statusOf } from '../../../src/protocol/kopokopo/judge.js';
import { controlOf, RAW_VARIANTS } from '../../../src/protocol/kopokopo/raw.js';
import { kopokopoCheck, QUOTE, SPEC } from '../check.js';

/** How many refused bodies are re-sent to find out why. */
const DIAGNOSED = 3;

/** A body refused in a variant although the same value as compact JSON was acknowledged. */
interface Refusal {
  d: KopokopoDelivery;
  variant: string;
}

/** Re-sends refused bodies signed the way a re-serialising receiver computes the HMAC; the acknowledged ones. */
async function acceptedWhenSignedReserialized(t: KopokopoContext, refusals: Refusal[]): Promise<KopokopoDelivery[]> {
  const out: KopokopoDelivery[] = [];
  for (const { d } of refusals.slice(0, DIAGNOSED)) {
    const retry = await t.redeliver(d, { forged: 'reserialized' });
    if (acknowledged(retry)) out.push(retry);
  }
  return out;
}

export default kopokopoCheck({
  id: 'KK-RAW-001',
  title:
    'MUST verify X-KopoKopo-Signature over the raw body bytes: bodies that change when parsed and re-serialised (whitespace, key order, 1.0, \\u escapes, non-ASCII, integers beyond 2^53) are acknowledged',
  level: 'MUST',
  area: 'security',
  spec: { doc: SPEC.facts, quote: `${QUOTE.delivery} ${QUOTE.rawBody}` },
  async run(t) {
    const refusals: Refusal[] = [];
    let judged = 0;
    let unjudged = 0;
    topics: for (const { name } of t.topics()) {
      for (const v of RAW_VARIANTS) {
        const raw = v.make(t.payload(name));
        const control = controlOf(raw);
        if (control === raw.body) continue; // nothing to change in this payload (no "/" in a Daraja body, …)
        // The variant first, then (when it is not acknowledged) the same value as compact JSON as control: only a
        // refusal the control does not share is the bytes' fault. The variant goes first so that a receiver
        // that de-duplicates before verifying cannot answer it from memory.
        const d = await t.deliver(name, undefined, { raw: Buffer.from(raw.body, 'utf8') });
        if (acknowledged(d)) {
          judged++;
          continue;
        }
        const controlled = await t.deliver(name, undefined, { raw: Buffer.from(control, 'utf8') });
        if (!acknowledged(controlled)) {
          unjudged++;
          if (d.reply.missing || controlled.reply.missing) break topics; // an endpoint that hangs: waiting on would outlast the check
          continue;
        }
        judged++;
        if (d.reply.missing)
          t.fail(`${name} ${v.what}: no complete reply, while the same value as compact JSON was acknowledged`, {
            expected: 'every correctly signed body acknowledged, whatever its whitespace, key order, number or string spelling',
            received: `${statusOf(d)}; compact: ${statusOf(controlled)}`,
            exchanges: [d.exchange, controlled.exchange],
          });
        refusals.push({ d, variant: v.name });
      }
    }
    if (judged === 0) t.skip('the compact form of every body was refused too, so the byte forms could not be judged: KK-SIG-001 says why');
    if (unjudged > 0)
      t.warn(`${unjudged} bodies could not be judged: the same value as compact JSON was refused too, so their content is refused, not their bytes (the KK-ROB checks say why)`);
    if (refusals.length === 0) return;

    const variants = [...new Set(refusals.map((r) => r.variant))];
    const expected = 'every correctly signed body acknowledged, whatever its whitespace, key order, number or string spelling';
    const received =
      refusals.slice(0, 6).map((r) => `${r.d.topic} ${r.variant}: ${statusOf(r.d)}`).join('; ') + (refusals.length > 6 ? '; …' : '') +
      ' (the same values as compact JSON were acknowledged)';
    const diagnosed = await acceptedWhenSignedReserialized(t, refusals);
    const exchanges = [...refusals.slice(0, 4).map((r) => r.d.exchange), ...diagnosed.slice(0, 2).map((d) => d.exchange)];
    if (diagnosed.length > 0)
      t.fail(
        `the endpoint verifies the signature over a re-serialised copy of the parsed body (like JSON.stringify(JSON.parse(body))), not over the raw bytes it received: ${refusals.length} correctly signed bodies were refused (${variants.join(', ')}), and the same bodies signed over their re-serialised JSON were accepted. Compute the HMAC over the raw request body, before parsing it`,
        { expected, received, exchanges },
      );
    t.fail(
      `${refusals.length} correctly signed bodies were refused only because of how their JSON is written (${variants.join(', ')}): the endpoint verifies or parses a normalised body instead of the raw bytes`,
      { expected, received, exchanges },
    );
  },
});

import { acknowledged, received } from '../../../src/protocol/kopokopo/judge.js';
import type { KopokopoDelivery } from '../../../src/protocol/kopokopo/context.js';
import { kopokopoCheck, QUOTE, SPEC } from '../check.js';

/**
 * Text after the right 64 hex digits. A lenient hex decoder (Node's `Buffer.from(sig, 'hex')`, Ruby's `[sig].pack('H*')`)
 * stops at the first non-hex digit and decodes the right 32 bytes, so a receiver that compares decoded bytes
 * accepts what Kopo Kopo never sends.
 */
const JUNK = ['zz', 'g0', ',0123456789abcdef', '-forged'];

export default kopokopoCheck({
  id: 'KK-SIG-010',
  title: 'SHOULD refuse (4xx) the right X-KopoKopo-Signature with junk after it, which a lenient hex decoder reads as the right one',
  level: 'SHOULD',
  area: 'security',
  spec: { doc: SPEC.facts, quote: QUOTE.delivery },
  order: 'early',
  async run(t) {
    const taken: Array<{ d: KopokopoDelivery; junk: string }> = [];
    for (const { name } of t.topics()) {
      for (const junk of JUNK) {
        const d = await t.deliver(name, t.payload(name), { forged: { appended: junk } });
        if (d.reply.missing || d.reply.status! >= 500) t.fail(`${name} with "${junk}" after the signature: no refusal`, { expected: 'a 4xx', received: received(d) });
        if (acknowledged(d)) taken.push({ d, junk });
      }
    }
    // Not a MUST: the right MAC is still in the header, so the key is proven; but the header is not what Kopo Kopo
    // signs, and a verifier that lets junk through reads signatures more loosely than the spec writes them.
    if (taken.length > 0)
      t.fail(`${taken.length} deliveries whose signature was the right hex followed by junk were acknowledged: the signature is decoded leniently (the decoder stops at the first non-hex digit)`, {
        expected: 'a 4xx: X-KopoKopo-Signature is exactly 64 lowercase hex digits; check the length and the alphabet before decoding',
        received: taken.slice(0, 4).map(({ d, junk }) => `${d.topic} with "${junk}" appended: ${received(d)}`).join('; '),
        exchanges: taken.slice(0, 4).map(({ d }) => d.exchange),
      });
  },
});

import { expectRejected } from '../../../src/protocol/kopokopo/judge.js';
import { kopokopoCheck, QUOTE, SPEC } from '../check.js';

/**
 * Bytes of the 32-byte MAC kept: one byte short, half of it, its first 4 bytes. Each cut changes the MAC bytes
 * (a hex decoder that drops an odd last digit is not fooled), and each is an exact prefix of the right hex, so a
 * prefix comparison accepts them.
 */
const KEPT = [31, 16, 4];

export default kopokopoCheck({
  id: 'KK-SIG-005',
  title: 'MUST reject (4xx) a delivery whose X-KopoKopo-Signature is the right one truncated',
  level: 'MUST',
  area: 'security',
  spec: { doc: SPEC.facts, quote: QUOTE.delivery },
  order: 'early',
  async run(t) {
    for (const { name } of t.topics()) {
      for (const bytes of KEPT) {
        const d = await t.deliver(name, t.payload(name), { forged: { truncated: bytes } });
        expectRejected(t, d, `${name} with the signature cut to its first ${bytes} of 32 bytes (${bytes * 2} hex digits)`);
      }
    }
  },
});

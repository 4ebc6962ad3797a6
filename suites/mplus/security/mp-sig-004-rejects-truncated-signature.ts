import { expectRejected } from '../../../src/pos/judge.js';
import { mplusCheck, SPEC } from '../check.js';

/**
 * Bytes of the 32-byte MAC kept. Each cut changes the MAC bytes (cutting the base64 text to 43 characters only
 * drops its padding, which a verifier that decodes the header rightly accepts); 3, 24 and 30 are multiples of
 * 3, so their base64 is an exact prefix of the right signature and a prefix comparison accepts them.
 */
const KEPT = [3, 24, 30];

export default mplusCheck({
  id: 'MP-SIG-004',
  title: 'MUST reject a truncated X-Mplus-Signature',
  level: 'MUST',
  area: 'security',
  spec: { doc: SPEC.signature, quote: 'X-Mplus-Signature = base64( HMAC-SHA256( key = base64decode(secretKey), message = raw body bytes ) )' },
  order: 'early',
  async run(t) {
    const event = t.pick('startSession', 'scanCode').name;
    for (const bytes of KEPT) {
      const d = await t.deliver(event, t.request(event), { forged: { truncated: bytes } });
      expectRejected(t, d, ['INVALID_SIGNATURE'], `${event} with the MAC cut to its first ${bytes} of 32 bytes`);
    }
  },
});

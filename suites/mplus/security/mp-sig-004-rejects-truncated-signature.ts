import { signMplus } from '../../../src/protocol/signature.js';
import { expectRejected } from '../../../src/pos/judge.js';
import { stampedRequest } from '../../../src/pos/judge-reply.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-SIG-004',
  title: 'MUST reject a truncated X-Mplus-Signature',
  level: 'MUST',
  area: 'security',
  spec: { doc: SPEC.signature, quote: 'X-Mplus-Signature = base64( HMAC-SHA256( key = base64decode(secretKey), message = raw body bytes ) )' },
  async run(t) {
    const event = t.pick('startSession', 'scanCode').name;
    // Cut after 1, 8 and 43 of 44 characters: a prefix comparison accepts some of these.
    for (const keep of [1, 8, 43]) {
      const body = Buffer.from(JSON.stringify(stampedRequest(t, t.request(event))), 'utf8');
      const full = signMplus(body, t.sub.secret.reveal(), t.sub.secretEncoding);
      const d = await t.deliver(event, undefined, { raw: body, tamper: { signature: full.slice(0, keep) } });
      expectRejected(t, d, ['INVALID_SIGNATURE'], `${event} with the signature cut to ${keep} characters`);
    }
  },
});

import { expectAccepted } from '../../../src/pos/judge.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-SIG-001',
  title: 'MUST accept a correctly signed request for every subscribed event',
  level: 'MUST',
  area: 'security',
  spec: { doc: SPEC.signature, quote: 'X-Mplus-Signature = base64( HMAC-SHA256( key = base64decode(secretKey), message = raw body bytes ) )' },
  order: 'early',
  async run(t) {
    for (const event of t.events()) {
      const d = await t.deliver(event.name, t.request(event.name));
      if (d.reply.status === 400 && /SIGNATURE/.test(d.reply.errorCode ?? '')) {
        // Diagnosis: does the endpoint read the secret in the other encoding?
        const other = t.sub.secretEncoding === 'base64' ? 'utf8' : 'base64';
        const retry = await t.redeliver(d, { forged: 'secret-read-otherwise' });
        if (retry.reply.status !== undefined && retry.reply.status < 300)
          t.fail(`the endpoint verifies signatures with the secret read as ${other}, not ${t.sub.secretEncoding}`, {
            expected: `a signature made with the ${t.sub.secretEncoding} key is accepted (MplusKASSA base64-decodes the secret key)`,
            received: `refused with ${d.reply.errorCode}; the same body signed with the ${other} key was accepted. Fix the key decoding, or run with --secret-encoding ${other} if your subscription really uses it`,
          });
      }
      expectAccepted(t, d, `${event.name}`);
    }
  },
});

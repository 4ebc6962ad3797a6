import { received } from '../../../src/pos/judge.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-SIG-010',
  title: 'MUST sign every non-empty reply with X-Mplus-Signature over its exact bytes',
  level: 'MUST',
  area: 'security',
  spec: { doc: SPEC.transport, quote: 'Responses carry X-Mplus-Signature too (the vendor\'s examples show signed responses).' },
  async run(t) {
    let signed = 0;
    for (const event of t.events()) {
      for (let i = 0; i < 3; i++) {
        const d = await t.deliver(event.name, t.request(event.name));
        const r = d.reply;
        if (r.missing || r.empty) continue;
        if (r.signature === 'missing')
          t.fail(`the reply to ${event.name} has no X-Mplus-Signature`, { expected: 'X-Mplus-Signature: base64 HMAC-SHA256 of the reply body', received: received(d) });
        if (r.signature === 'invalid')
          t.fail(
            r.signatureOtherEncoding
              ? `the reply to ${event.name} is signed with the secret read as ${t.sub.secretEncoding === 'base64' ? 'utf8 text' : 'base64'}, not ${t.sub.secretEncoding}`
              : `the X-Mplus-Signature of the reply to ${event.name} does not match the bytes of its body (signed before re-serialising, or with another key)`,
            { expected: 'base64 HMAC-SHA256 over the exact reply bytes', received: `${d.exchange.response?.headers['x-mplus-signature']} on ${received(d)}` },
          );
        signed++;
      }
    }
    if (signed === 0) t.skip('no subscribed event got a non-empty reply, so there was no reply signature to check');
  },
});

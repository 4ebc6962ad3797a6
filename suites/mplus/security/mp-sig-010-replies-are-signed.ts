import { CATALOGUE_HINT } from '../../../src/pos/coverage.js';
import { notExercised } from '../../../src/pos/flows.js';
import { everyReply, received } from '../../../src/pos/judge.js';
import { REPLY_SAMPLE } from '../../../src/pos/reply-sample.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-SIG-010',
  title: 'MUST sign every non-empty reply with X-Mplus-Signature over its exact bytes',
  level: 'MUST',
  area: 'security',
  shares: REPLY_SAMPLE,
  spec: { doc: SPEC.transport, quote: 'Responses carry X-Mplus-Signature too (the vendor\'s examples show signed responses).' },
  order: 'early',
  async run(t) {
    let signed = 0;
    // The run's reply sample: what exploration found opening a flow of each event first, so an endpoint that
    // answers with a body only for its own data (a ticket article, a member's card) signs those replies too.
    await everyReply(t, (d) => {
      const r = d.reply;
      if (r.empty) return;
      if (r.signature === 'missing')
        t.fail(`the reply to ${d.event} has no X-Mplus-Signature`, { expected: 'X-Mplus-Signature: base64 HMAC-SHA256 of the reply body', received: received(d) });
      if (r.signature === 'invalid')
        t.fail(
          r.signatureOtherEncoding
            ? `the reply to ${d.event} is signed with the secret read as ${t.sub.secretEncoding === 'base64' ? 'utf8 text' : 'base64'}, not ${t.sub.secretEncoding}`
            : `the X-Mplus-Signature of the reply to ${d.event} does not match the bytes of its body (signed before re-serialising, or with another key)`,
          { expected: 'base64 HMAC-SHA256 over the exact reply bytes', received: `${d.exchange.response?.headers['x-mplus-signature']} on ${received(d)}` },
        );
      signed++;
    });
    if (signed === 0) t.skip(notExercised(t, 'no subscribed event got a non-empty reply, so there was no reply signature to check', `generated requests of each of ${t.events().length} events`, CATALOGUE_HINT));
  },
});

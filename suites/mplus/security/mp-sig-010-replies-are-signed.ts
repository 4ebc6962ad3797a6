import { CATALOGUE_HINT } from '../../../src/pos/coverage.js';
import { exploredRequests } from '../../../src/pos/explored.js';
import { notExercised } from '../../../src/pos/flows.js';
import { received } from '../../../src/pos/judge.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-SIG-010',
  title: 'MUST sign every non-empty reply with X-Mplus-Signature over its exact bytes',
  level: 'MUST',
  area: 'security',
  spec: { doc: SPEC.transport, quote: 'Responses carry X-Mplus-Signature too (the vendor\'s examples show signed responses).' },
  order: 'early',
  async run(t) {
    let signed = 0;
    for (const event of t.events()) {
      // What the exploration found opening a flow of this event first: an endpoint that answers with a body only
      // for its own data (a ticket article, a member's card) signs those replies too.
      const explored = exploredRequests(t, event.name, 2);
      for (let i = 0; i < explored.length + 3; i++) {
        const d = await t.deliver(event.name, explored[i] ?? t.request(event.name));
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
    if (signed === 0) t.skip(notExercised(t, 'no subscribed event got a non-empty reply, so there was no reply signature to check', `3 generated requests of each of ${t.events().length} events`, CATALOGUE_HINT));
  },
});

import type { SwForgery } from '../../../src/protocol/standard-webhooks/signing.js';
import { accepted, expectNoServerError, received } from '../../../src/protocol/standard-webhooks/judge.js';
import type { SwDelivery } from '../../../src/protocol/standard-webhooks/context.js';
import { QUOTE, SPEC, swCheck, typesOf } from '../check.js';

/** The right MAC, but not as a `v1,` entry: another version tag, no tag, hex. */
const NOT_V1: Array<{ what: string; forged: SwForgery }> = [
  { what: 'the right MAC tagged v2', forged: { version: 'v2' } },
  { what: 'the right MAC tagged v1a (the asymmetric scheme)', forged: { version: 'v1a' } },
  { what: 'the right MAC without its v1, tag', forged: 'untagged' },
  { what: 'the right MAC as v1,<hex>', forged: 'other-encoding' },
];

export default swCheck({
  id: 'SW-SIG-007',
  // SHOULD: the MAC still proves the secret, so taking it is lenient, not forged; but the header is not what the
  // standard writes, and a verifier that ignores the tag will misread the asymmetric entries beside it.
  title: 'SHOULD verify only v1 entries: refuse (4xx) the right MAC under another version tag, without a tag, or in hex',
  level: 'SHOULD',
  area: 'security',
  spec: { doc: SPEC.facts, quote: QUOTE.several },
  order: 'early',
  async run(t) {
    const taken: Array<{ d: SwDelivery; what: string }> = [];
    for (const type of typesOf(t)) {
      for (const n of NOT_V1) {
        const d = await t.send(type, {}, { forged: n.forged });
        expectNoServerError(t, d, `${type} with ${n.what}`);
        if (accepted(d)) taken.push({ d, what: n.what });
      }
    }
    if (taken.length > 0)
      t.fail(`${taken.length} deliveries whose signature was not a v1,<base64> entry were accepted`, {
        expected: 'a 4xx: only `v1,<base64>` entries are HMAC signatures',
        received: taken.slice(0, 4).map((x) => `${x.d.type} with ${x.what}: ${received(x.d)}`).join('; '),
        exchanges: taken.slice(0, 4).map((x) => x.d.exchange),
      });
  },
});

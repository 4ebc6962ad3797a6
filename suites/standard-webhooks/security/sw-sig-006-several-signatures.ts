import type { SwForgery } from '../../../src/protocol/standard-webhooks/signing.js';
import { expectAccepted, expectRejected } from '../../../src/protocol/standard-webhooks/judge.js';
import { QUOTE, SPEC, swCheck, typesOf } from '../check.js';

/** Headers of several entries, one of them valid: secrets being rotated, and an asymmetric `v1a` entry beside. */
const ONE_VALID: Array<{ what: string; forged: SwForgery }> = [
  { what: "an old secret's signature first, then the right one", forged: { several: ['other-key', 'right'] } },
  { what: "the right one first, then another secret's", forged: { several: ['right', 'other-key'] } },
  { what: 'a v1a (asymmetric) entry, then the right one', forged: { several: [{ header: 'v1a,aGVsbG8gd29ybGQgdGhpcyBpcyBub3QgYSBzaWduYXR1cmU=' }, 'right'] } },
];

export default swCheck({
  id: 'SW-SIG-006',
  title: 'MUST accept (2xx) a webhook-signature of several space-separated entries of which one is valid (key rotation), and reject one where none is',
  level: 'MUST',
  area: 'security',
  spec: { doc: SPEC.facts, quote: QUOTE.several },
  order: 'early',
  async run(t) {
    for (const type of typesOf(t)) {
      for (const s of ONE_VALID) expectAccepted(t, await t.send(type, {}, { forged: s.forged }), `${type} with ${s.what}`);
      expectRejected(t, await t.send(type, {}, { forged: { several: ['other-key', 'near-key'] } }), `${type} with two entries, neither valid`);
    }
  },
});

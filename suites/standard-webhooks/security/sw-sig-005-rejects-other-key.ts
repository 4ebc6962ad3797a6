import type { SwForgery } from '../../../src/protocol/standard-webhooks/signing.js';
import { expectRejected } from '../../../src/protocol/standard-webhooks/judge.js';
import { QUOTE, SPEC, swCheck, typesOf } from '../check.js';

/** Keys that are not the endpoint's: another endpoint's secret, the key with its last byte changed, none, the secret's text. */
const OTHER_KEYS: Array<{ what: string; forged: SwForgery }> = [
  { what: "another endpoint's secret", forged: 'other-key' },
  { what: 'the key with its last byte changed', forged: 'near-key' },
  { what: 'an empty key', forged: 'empty-key' },
  { what: 'the whsec_ text itself as key (not base64-decoded)', forged: 'secret-read-otherwise' },
];

export default swCheck({
  id: 'SW-SIG-005',
  title: "MUST reject (4xx) a delivery signed with a key other than the endpoint's secret",
  level: 'MUST',
  area: 'security',
  spec: { doc: SPEC.facts, quote: QUOTE.headers },
  order: 'early',
  async run(t) {
    for (const type of typesOf(t)) for (const k of OTHER_KEYS) expectRejected(t, await t.send(type, {}, { forged: k.forged }), `${type} signed with ${k.what}`);
  },
});

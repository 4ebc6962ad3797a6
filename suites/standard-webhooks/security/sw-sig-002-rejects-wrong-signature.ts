import type { SwForgery } from '../../../src/protocol/standard-webhooks/signing.js';
import { expectRejected } from '../../../src/protocol/standard-webhooks/judge.js';
import { QUOTE, SPEC, swCheck, typesOf } from '../check.js';

/** Genuine signatures (the right key) of other signed content: the body, the id or the timestamp changed. */
const WRONG: Array<{ what: string; forged: SwForgery }> = [
  { what: 'the signature of another body (its data altered in transit)', forged: 'other-body' },
  { what: 'the signature made for another webhook-id', forged: 'other-id' },
  { what: 'the signature made for another webhook-timestamp (an hour earlier)', forged: 'other-timestamp' },
  { what: 'a placeholder signature', forged: { header: 'v1,SIGNATURE' } },
];

export default swCheck({
  id: 'SW-SIG-002',
  title: 'MUST reject (4xx) a delivery whose webhook-signature does not sign its {id}.{timestamp}.{body} (another body, id or timestamp)',
  level: 'MUST',
  area: 'security',
  spec: { doc: SPEC.facts, quote: QUOTE.headers },
  order: 'early',
  async run(t) {
    for (const type of typesOf(t)) for (const w of WRONG) expectRejected(t, await t.send(type, {}, { forged: w.forged }), `${type} with ${w.what}`);
  },
});

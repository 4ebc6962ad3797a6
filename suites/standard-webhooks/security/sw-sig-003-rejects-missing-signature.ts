import { expectRejected } from '../../../src/protocol/standard-webhooks/judge.js';
import { ID_HEADER, TIMESTAMP_HEADER } from '../../../src/protocol/standard-webhooks/signing.js';
import { QUOTE, SPEC, swCheck, typesOf } from '../check.js';

export default swCheck({
  id: 'SW-SIG-003',
  title: 'MUST reject (4xx) a delivery without webhook-signature (or with it empty), or without webhook-id or webhook-timestamp, without hanging',
  level: 'MUST',
  area: 'security',
  spec: { doc: SPEC.facts, quote: QUOTE.headers },
  order: 'early',
  async run(t) {
    for (const type of typesOf(t)) {
      expectRejected(t, await t.send(type, {}, { forged: 'missing' }), `${type} without webhook-signature`);
      expectRejected(t, await t.send(type, {}, { forged: 'empty' }), `${type} with an empty webhook-signature`);
      // The signature is right for the id or timestamp the sender would have sent: only the header is gone.
      expectRejected(t, await t.send(type, {}, { omit: [ID_HEADER] }), `${type} without webhook-id`);
      expectRejected(t, await t.send(type, {}, { omit: [TIMESTAMP_HEADER] }), `${type} without webhook-timestamp`);
    }
  },
});

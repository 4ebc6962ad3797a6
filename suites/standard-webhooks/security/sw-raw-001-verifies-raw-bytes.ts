import { judgeRawFindings, probeRawBodies } from '../../../src/protocol/corpus/probe.js';
import { SW_CORPUS } from '../../../src/protocol/standard-webhooks/payloads.js';
import { accepted, statusOf } from '../../../src/protocol/standard-webhooks/judge.js';
import { QUOTE, SPEC, swCheck, typesOf } from '../check.js';

export default swCheck({
  id: 'SW-RAW-001',
  title:
    'MUST verify webhook-signature over the raw body bytes: bodies that change when parsed and re-serialised (whitespace, key order, 1.0, \\u escapes, non-ASCII, integers beyond 2^53) are accepted',
  level: 'MUST',
  area: 'security',
  spec: { doc: SPEC.facts, quote: QUOTE.rawBody },
  order: 'early',
  async run(t) {
    const found = await probeRawBodies({
      targets: typesOf(t),
      hints: SW_CORPUS,
      draw: (type) => t.payload(type),
      send: (type, payload, form) => t.deliver(type, payload as never, { raw: form }),
      resendReserialized: (d) => t.deliver(d.type, undefined, { raw: d.body, forged: 'reserialized' }),
      accepted,
      missing: (d) => d.reply.missing,
    });
    judgeRawFindings(t, found, { status: statusOf, exchange: (d) => d.exchange, taken: 'accepted', contentChecks: 'SW-SIG-001 and SW-ROB-001' });
  },
});

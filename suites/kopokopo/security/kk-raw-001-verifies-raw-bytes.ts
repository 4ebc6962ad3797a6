import { judgeRawFindings, probeRawBodies } from '../../../src/protocol/corpus/probe.js';
import { KOPOKOPO_CORPUS } from '../../../src/protocol/kopokopo/corpus.js';
import { acknowledged, statusOf } from '../../../src/protocol/kopokopo/judge.js';
import type { KopokopoPayload } from '../../../src/protocol/kopokopo/payloads.js';
import { kopokopoCheck, QUOTE, SPEC } from '../check.js';

export default kopokopoCheck({
  id: 'KK-RAW-001',
  title:
    'MUST verify X-KopoKopo-Signature over the raw body bytes: bodies that change when parsed and re-serialised (whitespace, key order, 1.0, \\u escapes, non-ASCII, integers beyond 2^53) are acknowledged',
  level: 'MUST',
  area: 'security',
  spec: { doc: SPEC.facts, quote: `${QUOTE.delivery} ${QUOTE.rawBody}` },
  order: 'early',
  async run(t) {
    const found = await probeRawBodies({
      targets: t.topics().map((e) => e.name),
      hints: KOPOKOPO_CORPUS,
      draw: (name) => t.payload(name),
      send: (name, payload, form) => t.deliver(name, payload as KopokopoPayload, { raw: form }),
      resendReserialized: (d) => t.redeliver(d, { forged: 'reserialized' }),
      accepted: acknowledged,
      missing: (d) => d.reply.missing,
    });
    judgeRawFindings(t, found, { status: statusOf, exchange: (d) => d.exchange, taken: 'acknowledged', contentChecks: 'the KK-ROB checks' });
  },
});

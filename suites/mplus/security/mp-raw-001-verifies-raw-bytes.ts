import { judgeRawFindings, probeRawBodies } from '../../../src/protocol/corpus/probe.js';
import { MPLUS_CORPUS } from '../../../src/protocol/mplus/corpus.js';
import type { MplusRequest } from '../../../src/protocol/mplus/requests.js';
import { CASE_LANES } from '../../../src/pos/context.js';
import { statusAndCode } from '../../../src/pos/judge-reply.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-RAW-001',
  title:
    'MUST verify X-Mplus-Signature over the raw body bytes: bodies that change when parsed and re-serialised (pretty-printed as in the vendor\'s examples, tabs and CRLF, key order, 1.0, \\u escapes, \\/) are accepted',
  level: 'MUST',
  area: 'security',
  spec: { doc: SPEC.signature, quote: 'X-Mplus-Signature = base64( HMAC-SHA256( key = base64decode(secretKey), message = raw body bytes ) )' },
  order: 'early',
  long: true,
  async run(t) {
    const found = await probeRawBodies({
      targets: t.events().map((e) => e.name),
      hints: MPLUS_CORPUS,
      // Sessions with lines, so that numbers and texts are there to be written otherwise.
      draw: (event) => t.request(event, { lines: { min: 1, max: 3 } }),
      send: (event, request, form) => t.deliver(event, request as MplusRequest, { raw: form }),
      resendReserialized: (d) => t.redeliver(d, { forged: 'reserialized' }),
      accepted: (d) => !d.reply.missing && d.reply.status! >= 200 && d.reply.status! <= 299,
      missing: (d) => d.reply.missing,
      // Events side by side, each on a lane of its own workplaces and ids.
      each: (targets, trials) => t.eachOnLanes(targets, CASE_LANES, trials),
    });
    judgeRawFindings(t, found, { status: statusAndCode, exchange: (d) => d.exchange, taken: 'accepted', contentChecks: 'MP-SIG-001 and the MP-ROB checks' });
  },
});

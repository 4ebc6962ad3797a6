import { expectRejected } from '../../../src/protocol/standard-webhooks/judge.js';
import { QUOTE, SPEC, swCheck, typesOf } from '../check.js';

/**
 * Bytes of the 32-byte MAC kept. 30, 15 and 3 give base64 texts that are exact prefixes of the right one (a
 * prefix comparison accepts them); 31 changes only the last characters (a comparison of the shorter length does).
 */
const KEPT = [31, 30, 15, 3];

export default swCheck({
  id: 'SW-SIG-004',
  title: 'MUST reject (4xx) a delivery whose v1 signature is the right one truncated',
  level: 'MUST',
  area: 'security',
  spec: { doc: SPEC.facts, quote: QUOTE.headers },
  order: 'early',
  async run(t) {
    for (const type of typesOf(t))
      for (const bytes of KEPT) expectRejected(t, await t.send(type, {}, { forged: { truncated: bytes } }), `${type} with the signature cut to its first ${bytes} of 32 bytes`);
  },
});

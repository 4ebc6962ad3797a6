import { acknowledged, expectNoServerError, statusOf } from '../../../src/protocol/kopokopo/judge.js';
import { kopokopoCheck, QUOTE, SPEC } from '../check.js';

/** `null`: no Content-Type header at all. */
const CONTENT_TYPES: Array<string | null> = [null, 'text/plain', 'application/x-www-form-urlencoded'];

export default kopokopoCheck({
  id: 'KK-ERR-003',
  title: 'MUST answer a correctly signed delivery with a missing or wrong Content-Type without a 5xx or a hang (SHOULD refuse it with 415 or 400)',
  level: 'MUST',
  area: 'errors',
  spec: { doc: SPEC.facts, quote: QUOTE.delivery },
  async run(t) {
    for (const { name } of t.topics()) {
      for (const contentType of CONTENT_TYPES) {
        const fault = contentType === null ? 'no Content-Type' : `Content-Type: ${contentType}`;
        const d = await t.deliver(name, t.payload(name), { tamper: { contentType } });
        expectNoServerError(t, d, `${name} with ${fault}`);
        // Many receivers read the raw body whatever its declared type: lenient, so acknowledging only warns.
        if (acknowledged(d)) t.warn(`a delivery with ${fault} was acknowledged (${statusOf(d)}); Kopo Kopo sends application/json`);
      }
    }
  },
});

import { expectNoServerError } from '../../../src/protocol/kopokopo/judge.js';
import { kopokopoCheck, QUOTE, SPEC } from '../check.js';

/** `null`: no Content-Type header at all. */
const CONTENT_TYPES: Array<string | null> = [null, 'text/plain', 'application/x-www-form-urlencoded'];

export default kopokopoCheck({
  id: 'KK-ERR-003',
  title:
    'INFO answers a correctly signed delivery with a missing or wrong Content-Type without a 5xx or a hang (Kopo Kopo always sends application/json; its documents and SDKs say nothing of other types)',
  // INFO, not MUST: Kopo Kopo never sends another Content-Type, and its SDK receivers read the body whatever the
  // header says, so no answer here is a defect a merchant would meet. A crash is still worth telling.
  level: 'INFO',
  area: 'errors',
  spec: { doc: SPEC.facts, quote: QUOTE.delivery },
  async run(t) {
    for (const { name } of t.topics()) {
      for (const contentType of CONTENT_TYPES) {
        const fault = contentType === null ? 'no Content-Type' : `Content-Type: ${contentType}`;
        // Acknowledging it (reading the raw body, as the SDKs do) and refusing it are both fine.
        expectNoServerError(t, await t.deliver(name, t.payload(name), { tamper: { contentType } }), `${name} with ${fault}`);
      }
    }
  },
});

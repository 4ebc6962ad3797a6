import { expectRefusedCleanly } from '../../../src/pos/judge-reply.js';
import { mplusCheck, SPEC } from '../check.js';

/** `null`: no Content-Type header at all. */
const CONTENT_TYPES: Array<string | null> = [null, 'text/plain', 'application/x-www-form-urlencoded'];

export default mplusCheck({
  id: 'MP-ERR-003',
  title: 'MUST NOT answer a missing or wrong Content-Type with a 5xx or a hang (SHOULD refuse it with 400 NO_CONTENT_TYPE / INVALID_CONTENT_TYPE)',
  level: 'MUST',
  area: 'errors',
  spec: { doc: SPEC.errorCodes, quote: 'Headers and body: … NO_CONTENT_TYPE, INVALID_CONTENT_TYPE.' },
  async run(t) {
    for (const event of t.events()) {
      for (const contentType of CONTENT_TYPES) {
        const fault = contentType === null ? 'no Content-Type' : `Content-Type: ${contentType}`;
        const d = await t.deliver(event.name, t.request(event.name), { tamper: { contentType } });
        // Many receivers ignore the header and read the JSON anyway: lenient, so a 2xx only warns.
        expectRefusedCleanly(t, d, { what: `${event.name} with ${fault}`, fault, codes: ['NO_CONTENT_TYPE', 'INVALID_CONTENT_TYPE'], accepted: 'warn' });
      }
    }
  },
});

import { expectRefusedCleanly } from '../../../src/pos/judge-reply.js';
import { mplusCheck, SPEC } from '../check.js';
import { SCHEMA_INVALID, SCHEMA_INVALID_CODES } from './schema-invalid.js';

export default mplusCheck({
  id: 'MP-ERR-007',
  title: 'SHOULD refuse a schema-invalid body with 400 INVALID_DATA / NO_EVENT_DETAILS / NO_SCANNED_CODE',
  level: 'SHOULD',
  area: 'errors',
  spec: { doc: SPEC.errorCodes, quote: 'Headers and body: … INVALID_DATA … Event content: NO_EVENT_DETAILS, NO_SCANNED_CODE.' },
  long: true,
  async run(t) {
    for (const event of t.events()) {
      for (const v of SCHEMA_INVALID) {
        const request = t.request(event.name);
        if (v.applies && !v.applies(request)) continue;
        const d = await t.deliver(event.name, request, { raw: v.form });
        const fault = v.form.what;
        expectRefusedCleanly(t, d, { what: `${event.name} with ${fault}`, fault, codes: SCHEMA_INVALID_CODES, accepted: 'fail' });
      }
    }
  },
});

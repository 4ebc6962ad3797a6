import { expectRefusedCleanly, stampedRequest } from '../../../src/pos/judge-reply.js';
import { mplusCheck, SPEC } from '../check.js';

/** Correctly signed bodies that are not JSON. `lenient`: some JSON parsers accept it (Json.NET), so a 2xx only warns. */
const MALFORMED: Array<{ fault: string; lenient: boolean; body: (json: string, event: string) => string }> = [
  { fault: 'truncated JSON', lenient: false, body: (json) => json.slice(0, Math.ceil(json.length / 2)) },
  { fault: 'an XML body', lenient: false, body: (_json, event) => `<?xml version="1.0"?><request><event>${event}</event></request>` },
  { fault: 'a trailing comma in the JSON', lenient: true, body: (json) => json.replace(/}$/, ',}') },
];

export default mplusCheck({
  id: 'MP-ERR-002',
  title: 'MUST refuse a correctly signed body that is not JSON with a 4xx (400 INVALID_JSON), never a 2xx or a 5xx',
  level: 'MUST',
  area: 'errors',
  spec: { doc: SPEC.errorCodes, quote: 'Headers and body: NO_SIGNATURE, INVALID_SIGNATURE, INVALID_JSON, INVALID_DATA, …' },
  async run(t) {
    for (const event of t.events()) {
      for (const m of MALFORMED) {
        const raw = Buffer.from(m.body(JSON.stringify(stampedRequest(t, t.request(event.name))), event.name), 'utf8');
        const d = await t.deliver(event.name, undefined, { raw });
        expectRefusedCleanly(t, d, { what: `${event.name} with ${m.fault}`, fault: m.fault, codes: ['INVALID_JSON'], accepted: m.lenient ? 'warn' : 'fail' });
      }
    }
  },
});

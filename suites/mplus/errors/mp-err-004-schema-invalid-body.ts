import { expectRefusedCleanly, stampedRequest } from '../../../src/pos/judge-reply.js';
import { mplusCheck, SPEC } from '../check.js';

type Body = Record<string, any>;

/** Correctly signed JSON that breaks the request schema; `applies` when the request has what is broken. */
const INVALID: Array<{ fault: string; applies?: (r: Body) => boolean; make: (r: Body) => unknown }> = [
  { fault: 'no event object', make: ({ event: _, ...rest }) => rest },
  { fault: 'event.eventCounter as a string', make: (r) => ({ ...r, event: { ...r.event, eventCounter: String(r.event.eventCounter) } }) },
  { fault: 'sender as null', make: (r) => ({ ...r, sender: null }) },
  { fault: 'session as a string', applies: (r) => r.session !== undefined, make: (r) => ({ ...r, session: r.session.sessionId }) },
  { fault: 'session.lines as an object', applies: (r) => r.session !== undefined, make: (r) => ({ ...r, session: { ...r.session, lines: {} } }) },
  { fault: 'scanCode without scannedCode', applies: (r) => r.scanCode !== undefined, make: (r) => ({ ...r, scanCode: { codeType: r.scanCode.codeType } }) },
  { fault: 'a JSON array for a body', make: (r) => [r] },
];

export default mplusCheck({
  id: 'MP-ERR-004',
  title: 'MUST NOT answer a schema-invalid body with a 5xx or a hang (SHOULD refuse it with 400 INVALID_DATA / NO_EVENT_DETAILS)',
  level: 'MUST',
  area: 'errors',
  spec: { doc: SPEC.errorCodes, quote: 'Headers and body: … INVALID_DATA … Event content: NO_EVENT_DETAILS, NO_SCANNED_CODE.' },
  async run(t) {
    for (const event of t.events()) {
      for (const v of INVALID) {
        const request: Body = stampedRequest(t, t.request(event.name));
        if (v.applies && !v.applies(request)) continue;
        const raw = Buffer.from(JSON.stringify(v.make(request)), 'utf8');
        const d = await t.deliver(event.name, undefined, { raw });
        // A receiver may read only what it needs and accept the rest: lenient, so a 2xx only warns.
        expectRefusedCleanly(t, d, { what: `${event.name} with ${v.fault}`, fault: v.fault, codes: ['INVALID_DATA', 'NO_EVENT_DETAILS', 'NO_SCANNED_CODE'], accepted: 'warn' });
      }
    }
  },
});

import { expectRefusedCleanly } from '../../../src/pos/judge-reply.js';
import { reshaped, type BodyForm } from '../../../src/protocol/corpus/forms.js';
import { mplusCheck, SPEC } from '../check.js';

type Body = Record<string, any>;

/** Correctly signed JSON that breaks the request schema; `applies` when the request has what is broken. */
const INVALID: Array<{ applies?: (r: Body) => boolean; form: BodyForm }> = [
  { form: reshaped<Body>('no event object', ({ event: _, ...rest }) => rest) },
  { form: reshaped<Body>('event.eventCounter as a string', (r) => ({ ...r, event: { ...r.event, eventCounter: String(r.event.eventCounter) } })) },
  { form: reshaped<Body>('sender as null', (r) => ({ ...r, sender: null })) },
  { applies: (r) => r.session !== undefined, form: reshaped<Body>('session as a string', (r) => ({ ...r, session: r.session.sessionId })) },
  { applies: (r) => r.session !== undefined, form: reshaped<Body>('session.lines as an object', (r) => ({ ...r, session: { ...r.session, lines: {} } })) },
  { applies: (r) => r.scanCode !== undefined, form: reshaped<Body>('scanCode without scannedCode', (r) => ({ ...r, scanCode: { codeType: r.scanCode.codeType } })) },
  { form: reshaped<Body>('a JSON array for a body', (r) => [r]) },
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
        const request = t.request(event.name);
        if (v.applies && !v.applies(request)) continue;
        const d = await t.deliver(event.name, request, { raw: v.form });
        // A receiver may read only what it needs and accept the rest: lenient, so a 2xx only warns.
        const fault = v.form.what;
        expectRefusedCleanly(t, d, { what: `${event.name} with ${fault}`, fault, codes: ['INVALID_DATA', 'NO_EVENT_DETAILS', 'NO_SCANNED_CODE'], accepted: 'warn' });
      }
    }
  },
});

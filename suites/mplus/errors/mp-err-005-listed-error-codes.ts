import type { Delivery } from '../../../src/pos/context.js';
import { ERROR_CODES, received } from '../../../src/pos/judge.js';
import { reshaped, truncatedJson } from '../../../src/protocol/corpus/forms.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-ERR-005',
  title: "SHOULD use only error codes from the vendor's list in error replies",
  level: 'SHOULD',
  area: 'errors',
  spec: { doc: SPEC.reference, quote: 'error.code | string | One of the Error Codes.' },
  async run(t) {
    // Bad requests of every kind the vendor lists a code for, and valid ones (a business error has a code too).
    const replies: Array<{ fault: string; d: Delivery }> = [];
    for (const { name: e } of t.events()) {
      replies.push(
        { fault: 'a valid request', d: await t.send(e) },
        { fault: 'a signature over other bytes', d: await t.deliver(e, t.request(e), { forged: 'other-body' }) },
        { fault: 'no signature', d: await t.deliver(e, t.request(e), { forged: 'missing' }) },
        { fault: 'truncated JSON', d: await t.deliver(e, t.request(e), { raw: truncatedJson(20) }) },
        { fault: 'no Content-Type', d: await t.deliver(e, t.request(e), { tamper: { contentType: null } }) },
        { fault: 'no event object', d: await t.deliver(e, t.request(e), { raw: reshaped<Record<string, unknown>>('no event object', ({ event: _, ...rest }) => rest) }) },
      );
    }
    const coded = replies.filter((r) => r.d.reply.errorCode !== undefined);
    if (coded.length === 0) t.skip('no reply carried an error.code, so there was no code to compare with the vendor\'s list');
    // The list is cut off on the vendor's page (spec README), so an unknown code is a SHOULD, never a MUST.
    const unknown = coded.filter((r) => !ERROR_CODES.includes(r.d.reply.errorCode!));
    if (unknown.length > 0) {
      const codes = [...new Set(unknown.map((r) => r.d.reply.errorCode))];
      t.fail(`error code${codes.length > 1 ? 's' : ''} ${codes.join(', ')} ${codes.length > 1 ? 'are' : 'is'} not in the vendor's list`, {
        expected: `error.code one of ${ERROR_CODES.join(', ')}`,
        received: unknown.slice(0, 5).map((r) => `${r.d.event} with ${r.fault}: ${received(r.d)}`).join('; '),
        exchanges: unknown.slice(0, 5).map((r) => r.d.exchange),
      });
    }
  },
});

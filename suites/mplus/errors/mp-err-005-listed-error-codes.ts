import { errorCodes } from '../../../src/pos/judge.js';
import { reshaped, truncatedJson } from '../../../src/protocol/corpus/forms.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-ERR-005',
  title: "SHOULD use only error codes from the vendor's list in error replies",
  level: 'SHOULD',
  area: 'errors',
  spec: { doc: SPEC.reference, quote: 'error.code | string | One of the Error Codes.' },
  // Run-wide: it judges the error codes of every reply of the run, so it runs after every other check.
  order: 'late',
  async run(t) {
    // Bad requests of every kind the vendor lists a code for, and valid ones (a business error has a code too),
    // so that a run of this check alone (--check MP-ERR-005) has codes to judge.
    // None depends on another's reply: all are built and stamped now, in this order, and sent at once.
    await Promise.all(
      t.events().flatMap(({ name: e }) => [
        t.send(e),
        t.deliver(e, t.request(e), { forged: 'other-body' }),
        t.deliver(e, t.request(e), { forged: 'missing' }),
        t.deliver(e, t.request(e), { raw: truncatedJson(20) }),
        t.deliver(e, t.request(e), { tamper: { contentType: null } }),
        t.deliver(e, t.request(e), { raw: reshaped<Record<string, unknown>>('no event object', ({ event: _, ...rest }) => rest) }),
      ]),
    );
    // Every error.code any reply of the run carried, whichever check (or the exploration) sent the request.
    const seen = t.deps.recorder.errorCodes;
    if (seen.size === 0) t.skip("no reply of the run carried an error.code, so there was no code to compare with the vendor's list");
    // The list is cut off on the vendor's page (spec README), so an unknown code is a SHOULD, never a MUST.
    const listed = errorCodes(t.deps.schemas);
    const unknown = [...seen].filter(([code]) => !listed.includes(code));
    if (unknown.length > 0) {
      const codes = unknown.map(([code]) => code);
      t.fail(`error code${codes.length > 1 ? 's' : ''} ${codes.join(', ')} ${codes.length > 1 ? 'are' : 'is'} not in the vendor's list: the POS does not know ${codes.length > 1 ? 'them' : 'it'}`, {
        expected: `error.code one of ${listed.join(', ')}`,
        received: unknown
          .slice(0, 5)
          .map(([code, s]) => `${code} in ${s.count} repl${s.count > 1 ? 'ies' : 'y'}, first to ${s.label} sent by ${s.source}: HTTP ${s.exchange.response?.status}`)
          .join('; '),
        exchanges: unknown.slice(0, 5).map(([, s]) => s.exchange),
      });
    }
  },
});

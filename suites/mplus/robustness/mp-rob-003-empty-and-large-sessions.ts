import fc from 'fast-check';
import { eventRequests, expectRobustOver, robustnessRuns, withoutEmptyLines } from '../../../src/pos/judge-reply.js';
import { mplusCheck, SPEC } from '../check.js';

/** The session schema allows up to 500 lines; a busy table reaches hundreds. */
const LARGE = { min: 200, max: 400 };

export default mplusCheck({
  id: 'MP-ROB-003',
  title: 'MUST answer empty sessions and sessions of hundreds of lines without a 5xx, a hang or an invalid reply',
  level: 'MUST',
  area: 'robustness',
  spec: { doc: SPEC.reference, quote: 'session.lines | array | The session’s lines.' },
  async run(t) {
    const events = t.events().map((e) => e.name).filter((e) => t.catalogue.get(e).session === 'required');
    if (events.length === 0) t.skip('no subscribed event carries a session');
    // Empty: `lines: []`, or no `lines` at all (a new session's request "carries only its sessionId").
    const empty = eventRequests(events, (e) =>
      fc.tuple(t.requests(e, { lines: { min: 0, max: 0 } }), fc.boolean()).map(([r, dropLines]) => (dropLines ? withoutEmptyLines(r) : r)),
    );
    await expectRobustOver(t, empty, robustnessRuns(t, events, 1 / 2), 'an empty session');
    // Large: `lines` is optional in the schema, so it is made certain (every optional property present).
    // Not shrunk: shrinking hundreds of lines field by field costs thousands of requests and shows nothing the size does not.
    const large = eventRequests(events, (e) => fc.noShrink(t.requests(e, { lines: LARGE, optionalProbability: 1 })));
    await expectRobustOver(t, large, robustnessRuns(t, events, 1 / 8), `a session of ${LARGE.min}–${LARGE.max} lines`);
  },
});

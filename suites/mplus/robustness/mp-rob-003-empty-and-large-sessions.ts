import { expectRobustOver, robustnessRuns } from '../../../src/pos/judge-reply.js';
import { noShrink } from '../../../src/runner/no-shrink.js';
import { mplusCheck, SPEC } from '../check.js';

/** The session schema allows up to 500 lines; a busy table reaches hundreds. */
const LARGE = { min: 200, max: 400 };

export default mplusCheck({
  id: 'MP-ROB-003',
  title: 'MUST answer empty sessions and sessions of hundreds of lines without a refusal, a 5xx, a hang or an invalid reply',
  level: 'MUST',
  long: true,
  area: 'robustness',
  spec: { doc: SPEC.reference, quote: 'session.lines | array | The session’s lines.' },
  async run(t) {
    const events = t.events().map((e) => e.name).filter((e) => t.catalogue.get(e).session === 'required');
    if (events.length === 0) t.skip('no subscribed event carries a session');
    // Empty: `lines: []` (a session without `lines`, which the spec leaves open, is MP-ROB-001's).
    await expectRobustOver(t, events, (e) => t.requests(e, { lines: { min: 0, max: 0 } }), robustnessRuns(t, 1 / 2), 'an empty session');
    // Large: `lines` is optional in the schema, so it is made certain (every optional property present).
    // Not shrunk: shrinking hundreds of lines field by field costs thousands of requests and shows nothing the size does not.
    const large = (e: string) => noShrink(t.requests(e, { lines: LARGE, optionalProbability: 1 }));
    await expectRobustOver(t, events, large, robustnessRuns(t, 1 / 8), `a session of ${LARGE.min}–${LARGE.max} lines`);
  },
});

import { eventRequests, expectRobustOver, robustnessRuns, withoutEmptyLines } from '../../../src/pos/judge-reply.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-ROB-001',
  title: 'MUST answer randomized valid requests (optional fields present or absent, extreme numbers) without a 5xx, a hang or an invalid reply',
  level: 'MUST',
  area: 'robustness',
  spec: { doc: SPEC.transport, quote: 'The integrator answers 200 on success and 400 on error, with a JSON body; an empty body is allowed.' },
  async run(t) {
    const events = t.events().map((e) => e.name);
    if (events.length === 0) t.skip('no event is subscribed');
    // Every optional property absent (session.lines too), all present, then a mix. Extreme numbers come from fast-check's
    // generators, biased towards the ends of each schema range (the minimum, the maximum, 0).
    for (const p of [0, 1, 0.5]) {
      const arb = eventRequests(events, (e) => t.requests(e, { optionalProbability: p }).map(p === 0 ? withoutEmptyLines : (r) => r));
      await expectRobustOver(t, arb, robustnessRuns(t, events, 1 / 3), `optional properties present with probability ${p}`);
    }
  },
});

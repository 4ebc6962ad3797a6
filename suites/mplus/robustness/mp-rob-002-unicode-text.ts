import { expectRobustOver, robustnessRuns } from '../../../src/pos/judge-reply.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-ROB-002',
  title: 'MUST answer requests with unicode text in every string (astral planes, combining marks) without a refusal, a 5xx, a hang or an invalid reply',
  level: 'MUST',
  area: 'robustness',
  spec: { doc: SPEC.transport, quote: 'The integrator answers 200 on success and 400 on error, with a JSON body; an empty body is allowed.' },
  long: true,
  async run(t) {
    const events = t.events().map((e) => e.name);
    if (events.length === 0) t.skip('no event is subscribed');
    // Most optional texts present, so names, line texts and descriptions carry unicode too.
    await expectRobustOver(t, events, (e) => t.requests(e, { unicode: true, optionalProbability: 0.8 }), robustnessRuns(t), 'unicode text');
  },
});

import { expectRobustOver, robustnessRuns } from '../../../src/pos/judge-reply.js';
import { expectEveryOpenForm } from '../../../src/pos/open-forms.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-ROB-001',
  title: 'MUST answer randomized valid requests (optional fields present or absent, extreme numbers, every form the spec leaves open) without a refusal, a 5xx, a hang or an invalid reply',
  level: 'MUST',
  area: 'robustness',
  spec: { doc: SPEC.transport, quote: 'The integrator answers 200 on success and 400 on error, with a JSON body; an empty body is allowed.' },
  long: true,
  async run(t) {
    const events = t.events().map((e) => e.name);
    if (events.length === 0) t.skip('no event is subscribed');
    // Where the spec leaves a request's form open, every form, on purpose, in every event: refusing one is a
    // warning, refusing all of them (or the one every reading accepts) a failure (README, "How the spec was read").
    await expectEveryOpenForm(t, events);
    // Every optional property absent, all present, then a mix. Extreme numbers come from fast-check's
    // generators, biased towards the ends of each schema range (the minimum, the maximum, 0).
    for (const p of [0, 1, 0.5])
      await expectRobustOver(t, events, (e) => t.requests(e, { optionalProbability: p }), robustnessRuns(t, 1 / 3), `optional properties present with probability ${p}`);
  },
});

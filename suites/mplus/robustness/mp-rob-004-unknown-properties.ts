import { eventRequests, expectRobustOver, robustnessRuns } from '../../../src/pos/judge-reply.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-ROB-004',
  title: 'MUST tolerate unknown extra properties anywhere in a request (no 5xx, hang or invalid reply)',
  level: 'MUST',
  area: 'robustness',
  spec: { doc: SPEC.reference, quote: 'Finally, some objects may only occur in certain circumstances. … openUrl (only occurs when the client supports it)' },
  async run(t) {
    const events = t.events().map((e) => e.name);
    if (events.length === 0) t.skip('no event is subscribed');
    // The POS adds properties between versions (sender.browser, openUrl, …): a receiver must not break on new ones.
    const arb = eventRequests(events, (e) => t.requests(e, { extraProperties: true }));
    await expectRobustOver(t, arb, robustnessRuns(t, events), 'unknown extra properties');
  },
});

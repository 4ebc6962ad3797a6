import { expectRobustOver, robustnessRuns } from '../../../src/pos/judge-reply.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-ROB-004',
  title: 'MUST accept requests with unknown extra properties anywhere (forward compatibility): no refusal, 5xx, hang or invalid reply',
  level: 'MUST',
  area: 'robustness',
  spec: { doc: SPEC.reference, quote: 'Finally, some objects may only occur in certain circumstances. … openUrl (only occurs when the client supports it)' },
  long: true,
  async run(t) {
    const events = t.events().map((e) => e.name);
    if (events.length === 0) t.skip('no event is subscribed');
    // The POS adds properties between versions (sender.browser, openUrl, …): a receiver that refuses a request
    // for a property it does not know refuses every POS newer than itself.
    await expectRobustOver(t, events, (e) => t.requests(e, { extraProperties: true }), robustnessRuns(t), 'unknown extra properties');
  },
});

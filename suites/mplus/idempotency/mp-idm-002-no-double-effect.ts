import { runSessionModel, sessionSubscribed } from '../../../src/pos/model/run.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-IDM-002',
  title: 'MUST NOT let a re-delivered event act twice: every later reply still fits the session the POS holds',
  level: 'MUST',
  area: 'idempotency',
  spec: { doc: SPEC.reference, quote: 'event.eventCounter | int | An increasing counter that helps you check if you already processed an event.' },
  appliesTo: sessionSubscribed,
  long: true,
  async run(t) {
    // Session lives in which half the events are delivered twice: the first reply is lost on the way, the POS
    // delivers the same bytes again (same eventCounter, same instanceId) and applies the second reply.
    await runSessionModel(t, { workplaces: 1, redelivery: 0.5, runs: Math.max(8, t.options.runs) });
  },
});

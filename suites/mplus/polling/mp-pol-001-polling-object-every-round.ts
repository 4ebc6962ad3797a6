import { failConversation } from '../../../src/pos/flows.js';
import { expectServed, pollingEvents, pollingProcess, processesPerEvent, skipUnlessPolling } from '../../../src/pos/polling.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-POL-001',
  title: 'MUST answer every round of a polling event with a polling object',
  level: 'MUST',
  area: 'polling',
  spec: {
    doc: SPEC.reference,
    quote: 'When you receive a polling webhook (you can recognize this by the property event.eventPolling), you must reply with at least a polling object in the response.',
  },
  async run(t) {
    skipUnlessPolling(t);
    await t.perKind(pollingEvents(t), (event) => event, async (event) => {
      for (let i = 0; i < processesPerEvent(t); i++) {
        t.plan();
        const conv = await pollingProcess(t, event);
        if (!expectServed(t, conv, `polling ${event}`)) {
          t.unjudged('a refusal the spec tolerates ended a polling process before its rounds could be judged');
          continue;
        }
        // "Otherwise, MplusKASSA will continue querying your endpoint until the webhook is manually cancelled."
        if (conv.polling?.ended === 'no-polling-object') failConversation(t, conv, `polling ${event}`);
        t.judged();
      }
    });
  },
});

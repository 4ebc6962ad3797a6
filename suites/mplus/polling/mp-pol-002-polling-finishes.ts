import { failConversation } from '../../../src/pos/flows.js';
import { expectServed, pollingEvents, pollingProcess, processesPerEvent, roundsInWords } from '../../../src/pos/polling.js';
import { MAX_POLL_ROUNDS } from '../../../src/pos/till.js';
import { catalogue } from '../../../src/protocol/mplus/catalogue.js';
import { mplusCheck, SPEC } from '../check.js';

/**
 * Bounds: {@link MAX_POLL_ROUNDS} rounds, and the event's budget (configurable per event) for the whole process.
 * A receiver whose process really takes longer (a customer at a terminal) raises the event's budget.
 */
export default mplusCheck({
  id: 'MP-POL-002',
  title: `MUST finish a polling process (polling.finished: true) within ${MAX_POLL_ROUNDS} rounds and the event's budget`,
  level: 'MUST',
  area: 'polling',
  spec: { doc: SPEC.reference, quote: 'polling.finished | boolean | Tell MplusKASSA whether the polling process is finished or not. When you return false, MplusKASSA will immediately resend the request to your endpoint.' },
  appliesTo: (sub) => sub.events.some((e) => e.polling || catalogue().get(e.name).polling === 'always') || 'no subscribed event is polling',
  async run(t) {
    for (const event of pollingEvents(t)) {
      for (let i = 0; i < processesPerEvent(t); i++) {
        const conv = await pollingProcess(t, event);
        expectServed(t, conv, `polling ${event}`);
        if (conv.problem) failConversation(t, conv, `polling ${event} (${roundsInWords(conv)})`);
      }
    }
  },
});

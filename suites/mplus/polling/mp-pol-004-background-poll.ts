import { failConversation } from '../../../src/pos/flows.js';
import { expectServed, pollingProcess, processesPerEvent } from '../../../src/pos/polling.js';
import { mplusCheck } from '../check.js';
import { whenSubscribed } from '../../../src/runner/subscription.js';

export default mplusCheck({
  id: 'MP-POL-004',
  title: 'MUST answer backgroundPoll, which carries no session, with a polling object in every round',
  level: 'MUST',
  area: 'polling',
  spec: {
    doc: 'spec/README.md#events',
    quote: 'backgroundPoll (always blocking and polling, event.eventPolling: true, no session object, runs even from the main menu; a new request starts as soon as the reply arrives)',
  },
  appliesTo: whenSubscribed('backgroundPoll'),
  async run(t) {
    for (let i = 0; i < processesPerEvent(t); i++) {
      t.plan();
      const conv = await pollingProcess(t, 'backgroundPoll', { cancelAfter: 3 }, i);
      if (!expectServed(t, conv, 'backgroundPoll from the main menu (no session)')) {
        t.unjudged('a refusal the spec tolerates ended backgroundPoll before its rounds could be judged');
        continue;
      }
      if (conv.polling?.ended === 'no-polling-object') failConversation(t, conv, 'backgroundPoll from the main menu (no session)');
      t.judged();
    }
  },
});

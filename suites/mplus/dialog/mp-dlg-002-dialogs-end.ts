import { conversationProperty, validResponder } from '../../../src/pos/conversations.js';
import { failConversation } from '../../../src/pos/flows.js';
import { catalogue } from '../../../src/protocol/mplus/catalogue.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-DLG-002',
  // The bound is the catalogue's (schemas/mplus/events.json, maxFollowUps): the spec sets none.
  title: `MUST end a chain of dialogs within ${catalogue().maxFollowUps} answers`,
  level: 'MUST',
  area: 'dialog',
  spec: {
    doc: 'spec/seeds/001 (Ticketing with Time Slots)',
    quote: 'The next request will include the selected dialog option, in this case it was option 1, the “10:00-11:00” time slot. Use this request to make a reservation for the selected time slot.',
  },
  async run(t) {
    await conversationProperty(t, 'dialog', validResponder, (conv) => {
      // Each answer is valid: a dialog that keeps coming back holds the POS user in front of it for ever.
      if (conv.problem?.kind === 'follow-up-bound') failConversation(t, conv, `answering the dialogs of ${conv.event} validly`);
    });
  },
});

import { conversationProperty, validResponder } from '../../../src/pos/conversations.js';
import { expectNotRefused, failConversation } from '../../../src/pos/flows.js';
import { cancelledFormAnswer } from '../../../src/pos/form.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-FRM-002',
  title: 'MUST handle a cancelled form (form.cancelled: true) without a 5xx, a hang or the form again',
  level: 'MUST',
  area: 'form',
  spec: { doc: SPEC.reference, quote: 'form.cancelled | boolean (optional) | If the form was explicitly cancelled, this will be true.' },
  async run(t) {
    // The POS user cancels every form (dialogs are answered validly).
    const cancelling = (draw: Parameters<typeof validResponder>[0]) => ({ ...validResponder(draw), form: cancelledFormAnswer });
    await conversationProperty(t, 'form', cancelling, (conv) => {
      if (conv.problem?.kind === 'follow-up-bound') failConversation(t, conv, `cancelling the form of ${conv.event}: the form keeps coming back`);
      if (conv.problem) failConversation(t, conv, `cancelling the form of ${conv.event}`);
      // Cancelling is a normal step of the POS user: the request is valid, and refusing it shows the cashier an error.
      if (expectNotRefused(t, conv, `cancelling the form of ${conv.event}`, 'HTTP 200: a cancelled form is a valid request ("If the form was explicitly cancelled, this will be true.")'))
        t.unjudged('a refusal the spec tolerates ended the conversation before its form was cancelled');
    });
  },
});

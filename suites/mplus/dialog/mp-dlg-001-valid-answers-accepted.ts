import { conversationProperty, validResponder } from '../../../src/pos/conversations.js';
import { expectNotRefused, failConversation } from '../../../src/pos/flows.js';
import { mplusCheck, SPEC } from '../check.js';

export default mplusCheck({
  id: 'MP-DLG-001',
  title: 'MUST accept every valid answer to its dialog (selectedDialogOptionIds) with a valid reply the POS can apply',
  level: 'MUST',
  area: 'dialog',
  spec: {
    doc: SPEC.reference,
    quote: 'When you reply with a dialog, the user will be able to select some dialog options. Afterwards, the same event will be sent to you again, but this time including the selected dialog options.',
  },
  async run(t) {
    await conversationProperty(t, 'dialog', validResponder, (conv) => {
      // A selection of this dialog's own options, respecting required and allowMultipleOptions: nothing to refuse.
      if (conv.problem && conv.problem.kind !== 'follow-up-bound') failConversation(t, conv, `answering the dialog of ${conv.event}`);
      if (expectNotRefused(t, conv, `a valid answer to the dialog of ${conv.event}`, 'HTTP 200 with a valid reply: the selection is one the dialog offered'))
        t.unjudged('a refusal the spec tolerates ended the conversation before its dialog was answered');
    });
  },
});
